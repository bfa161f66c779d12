package dev.litectl.store;

import java.util.Locale;

/** State of a tool execution (the CHECK of tool_executions.status). */
public enum ToolStatus {
    PENDING,RUNNING,SUCCEEDED,FAILED,CANCELLED;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ToolStatus of(String stored) {
        return stored == null ? null : valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
