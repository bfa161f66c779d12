package dev.litectl.store;

/** A row of {@code telemetry}. */
public record TelemetryEvent(long id, String timestamp, String eventType, String query, Double responseTimeMs,
        Integer tokensUsed, Boolean success, String sessionId, String metadata) {}
