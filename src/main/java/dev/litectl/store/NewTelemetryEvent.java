package dev.litectl.store;

/** A telemetry event to record; every field but the event type may be null. */
public record NewTelemetryEvent(String eventType, String query, Double responseTimeMs, Integer tokensUsed,
        Boolean success, String sessionId, String metadata) {

    public static NewTelemetryEvent of(String eventType, double responseTimeMs, int tokensUsed, boolean success) {
        return new NewTelemetryEvent(eventType, null, responseTimeMs, tokensUsed, success, null, null);
    }

    public NewTelemetryEvent withSession(String id) {
        return new NewTelemetryEvent(eventType, query, responseTimeMs, tokensUsed, success, id, metadata);
    }

    public NewTelemetryEvent withQuery(String q) {
        return new NewTelemetryEvent(eventType, q, responseTimeMs, tokensUsed, success, sessionId, metadata);
    }

    public NewTelemetryEvent withMetadata(String json) {
        return new NewTelemetryEvent(eventType, query, responseTimeMs, tokensUsed, success, sessionId, json);
    }
}
