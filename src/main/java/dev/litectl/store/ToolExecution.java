package dev.litectl.store;

/** A row of {@code tool_executions}: one tool call made for a message, with its outcome and timing. */
public record ToolExecution(long id, long messageId, String sessionId, String toolName, String input, String output,
        ToolStatus status, String error, String startedAt, String completedAt, Long durationMs, int retryCount,
        Integer tokensUsed, Double costUsd, String metadata) {}
