package dev.litectl.store;

import java.util.Locale;

/** Lifecycle of a session (the CHECK of sessions.status). */
public enum SessionStatus {
    ACTIVE,PAUSED,COMPLETED,ARCHIVED;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final java.util.Map<String, SessionStatus> BY_SQL = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(SessionStatus::sql, v -> v));

    static SessionStatus of(String stored) {
        return stored == null ? null : BY_SQL.get(stored);
    }
}
