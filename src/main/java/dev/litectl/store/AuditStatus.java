package dev.litectl.store;

import java.util.Locale;

/** Outcome recorded in an audit entry (the CHECK of audit_log.status). */
public enum AuditStatus {
    STARTED,COMPLETED,FAILED,SKIPPED;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final java.util.Map<String, AuditStatus> BY_SQL = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(AuditStatus::sql, v -> v));

    static AuditStatus of(String stored) {
        return stored == null ? null : BY_SQL.get(stored);
    }
}
