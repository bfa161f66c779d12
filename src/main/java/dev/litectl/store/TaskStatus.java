package dev.litectl.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Status of a task: {@code pending → active → completed | failed}, and {@code cancelled} from pending or
 * active. Completed, failed and cancelled are final.
 */
public enum TaskStatus {
    PENDING, ACTIVE, COMPLETED, FAILED, CANCELLED;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The statuses a task may move to this one from. */
    public Set<TaskStatus> allowedFrom() {
        return switch (this) {
            case PENDING -> EnumSet.noneOf(TaskStatus.class);
            case ACTIVE -> EnumSet.of(PENDING);
            case COMPLETED, FAILED -> EnumSet.of(ACTIVE);
            case CANCELLED -> EnumSet.of(PENDING, ACTIVE);
        };
    }

    private static final java.util.Map<String, TaskStatus> BY_SQL = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(TaskStatus::sql, v -> v));

    static TaskStatus of(String stored) {
        return stored == null ? null : BY_SQL.get(stored);
    }
}
