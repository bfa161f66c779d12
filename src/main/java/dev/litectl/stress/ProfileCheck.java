package dev.litectl.stress;

/**
 * One operation of the profile: what it does, how many timed samples, p50 and p99 in milliseconds, the seeds'
 * target, and whether it was met (p99 at or under the target).
 */
public record ProfileCheck(String name, String description, int samples, double p50Ms, double p99Ms, double targetMs,
                           String targetSource, boolean met) {}
