package dev.litectl.store;

import java.util.Locale;

/** Outcome recorded in an audit entry (the CHECK of audit_log.status). */
public enum AuditStatus {
    STARTED,COMPLETED,FAILED,SKIPPED;

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AuditStatus of(String stored) {
        return stored == null ? null : valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
