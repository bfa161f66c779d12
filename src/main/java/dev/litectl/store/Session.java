package dev.litectl.store;

/** A row of {@code sessions}; {@code state} and {@code metadata} are JSON text, {@code deletedAt} null while live. */
public record Session(String id, String name, String state, String metadata, SessionStatus status, String model,
        String createdAt, String updatedAt, String deletedAt) {}
