package dev.litectl.store;

/**
 * Aggregates of one event type over a time range: events, average and 95th-percentile response time
 * (nearest rank over the events that have one; null when none has), and the tokens used.
 */
public record EventTypeStats(String eventType, long events, Double avgResponseTimeMs, Double p95ResponseTimeMs, long tokensUsed) {}
