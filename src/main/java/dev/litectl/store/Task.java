package dev.litectl.store;

/** A row of {@code tasks}; {@code result} is JSON text. */
public record Task(long id, String sessionId, String userId, String title, String description, TaskStatus status,
        int priority, String result, String error, String createdAt, String updatedAt, String startedAt,
        String completedAt, String metadata) {}
