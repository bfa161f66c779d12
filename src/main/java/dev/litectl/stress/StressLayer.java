package dev.litectl.stress;

import java.util.Locale;

/**
 * What a stress run's workloads go through: litectl's typed store API ({@code AgentStore} over a
 * {@code DatabasePool}, the way an application embeds litectl) or plain prepared-statement JDBC (the reference
 * the store's overhead is measured against).
 */
public enum StressLayer {
    STORE,
    JDBC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layer named {@code name} (case-insensitive); IllegalArgumentException naming the choices otherwise. */
    public static StressLayer parse(String name) {
        for (StressLayer l : values()) {
            if (l.label().equalsIgnoreCase(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown layer '" + name + "' (choose store or jdbc)");
    }
}
