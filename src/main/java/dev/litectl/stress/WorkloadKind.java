package dev.litectl.stress;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The workloads of {@code stress-test}, each on the built-in agent schema. */
public enum WorkloadKind {
    /** Create sessions, read them, update their JSON state. */
    SESSIONS,
    /** Append messages to sessions, list a session's messages in order, record tool executions. */
    MESSAGES,
    /** Put entries with an expiry, get them (counting hits), purge expired ones. */
    CACHE,
    /** Insert events (single and small batches), query the last 24 hours, aggregate per event type. */
    TELEMETRY,
    /** A blend of the four: see {@link MixedWorkload} for the weights. */
    MIXED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The workload named {@code name} (case-insensitive); IllegalArgumentException listing the names otherwise. */
    public static WorkloadKind parse(String name) {
        for (WorkloadKind k : values()) {
            if (k.label().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "' (choose one of "
                + Arrays.stream(values()).map(WorkloadKind::label).collect(Collectors.joining(", ")) + ")");
    }
}
