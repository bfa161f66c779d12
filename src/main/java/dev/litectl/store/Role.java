package dev.litectl.store;

import java.util.Locale;

/** Who wrote a message (the CHECK of messages.role). */
public enum Role {
    SYSTEM,USER,ASSISTANT,TOOL;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role of(String stored) {
        return stored == null ? null : valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
