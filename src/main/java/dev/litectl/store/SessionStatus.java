package dev.litectl.store;

import java.util.Locale;

/** Lifecycle of a session (the CHECK of sessions.status). */
public enum SessionStatus {
    ACTIVE,PAUSED,COMPLETED,ARCHIVED;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SessionStatus of(String stored) {
        return stored == null ? null : valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
