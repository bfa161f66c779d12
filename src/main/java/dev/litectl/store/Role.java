package dev.litectl.store;

import java.util.Locale;

/** Who wrote a message (the CHECK of messages.role). */
public enum Role {
    SYSTEM,USER,ASSISTANT,TOOL;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final java.util.Map<String, Role> BY_SQL = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Role::sql, v -> v));

    static Role of(String stored) {
        return stored == null ? null : BY_SQL.get(stored);
    }
}
