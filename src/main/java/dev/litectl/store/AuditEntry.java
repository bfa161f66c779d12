package dev.litectl.store;

/** A row of {@code audit_log}; {@code contextJson} is JSON text. */
public record AuditEntry(long id, String timestamp, String agentId, String operation, AuditStatus status, String target,
        String sessionId, Long durationMs, String errorMessage, String contextJson) {}
