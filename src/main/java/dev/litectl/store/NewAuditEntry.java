package dev.litectl.store;

/** An audit entry to append; agent, operation and status are required. */
public record NewAuditEntry(String agentId, String operation, AuditStatus status, String target, String sessionId,
        Long durationMs, String errorMessage, String contextJson) {

    public static NewAuditEntry of(String agentId, String operation, AuditStatus status) {
        return new NewAuditEntry(agentId, operation, status, null, null, null, null, null);
    }

    public NewAuditEntry withTarget(String t) {
        return new NewAuditEntry(agentId, operation, status, t, sessionId, durationMs, errorMessage, contextJson);
    }

    public NewAuditEntry withSession(String id) {
        return new NewAuditEntry(agentId, operation, status, target, id, durationMs, errorMessage, contextJson);
    }

    public NewAuditEntry withDuration(long ms) {
        return new NewAuditEntry(agentId, operation, status, target, sessionId, ms, errorMessage, contextJson);
    }

    public NewAuditEntry withError(String message) {
        return new NewAuditEntry(agentId, operation, status, target, sessionId, durationMs, message, contextJson);
    }

    public NewAuditEntry withContext(String json) {
        return new NewAuditEntry(agentId, operation, status, target, sessionId, durationMs, errorMessage, json);
    }
}
