package dev.litectl.store;

import java.time.Instant;

/** What {@link AuditLog#query} returns: entries matching every non-null field, newest first, at most {@code limit}. */
public record AuditFilter(String agentId, AuditStatus status, String sessionId, Instant since, Instant until, int limit) {
    public static AuditFilter latest(int limit) {
        return new AuditFilter(null, null, null, null, null, limit);
    }

    public AuditFilter withAgent(String id) {
        return new AuditFilter(id, status, sessionId, since, until, limit);
    }

    public AuditFilter withStatus(AuditStatus s) {
        return new AuditFilter(agentId, s, sessionId, since, until, limit);
    }

    public AuditFilter withSession(String id) {
        return new AuditFilter(agentId, status, id, since, until, limit);
    }

    public AuditFilter between(Instant from, Instant to) {
        return new AuditFilter(agentId, status, sessionId, from, to, limit);
    }
}
