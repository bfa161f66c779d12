package dev.litectl.store;

import java.util.Locale;

/** State of a tool execution (the CHECK of tool_executions.status). */
public enum ToolStatus {
    PENDING,RUNNING,SUCCEEDED,FAILED,CANCELLED;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final java.util.Map<String, ToolStatus> BY_SQL = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(ToolStatus::sql, v -> v));

    static ToolStatus of(String stored) {
        return stored == null ? null : BY_SQL.get(stored);
    }
}
