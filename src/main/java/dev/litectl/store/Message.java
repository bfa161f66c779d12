package dev.litectl.store;

/** A row of {@code messages}; ids grow with every append, so ordering by id is ordering by arrival. */
public record Message(long id, String sessionId, Role role, String content, String createdAt, Long parentId,
        String model, Integer tokensUsed, String finishReason, String metadata) {}
