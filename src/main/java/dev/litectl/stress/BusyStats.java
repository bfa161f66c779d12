package dev.litectl.stress;

/**
 * Lock contention of a run: {@code events} statements that met {@code SQLITE_BUSY}, {@code retries} waits and
 * retries made for them (by the busy handler or by re-running the operation), {@code gaveUp} times the busy
 * timeout passed (each one an operation retried from the start or, past the timeout, a failed one).
 */
public record BusyStats(long events, long retries, long gaveUp) {}
