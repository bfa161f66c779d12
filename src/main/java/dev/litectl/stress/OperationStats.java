package dev.litectl.stress;

/**
 * One operation type of a run: how many completed and failed, completed operations per second over the run's
 * window, and latency percentiles in milliseconds (from HdrHistogram, 3 significant digits; a retried operation's
 * latency includes its waits).
 */
public record OperationStats(String name, boolean write, long count, long failed, double opsPerSecond,
                             double p50Ms, double p95Ms, double p99Ms, double p999Ms, double maxMs) {}
