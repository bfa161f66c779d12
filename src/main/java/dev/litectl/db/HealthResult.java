package dev.litectl.db;

/**
 * The answer of {@link DatabasePool#health()}: {@code quickCheck} is {@code "ok"} or SQLite's first finding,
 * {@code writable} says whether the write probe took the write lock and wrote (then rolled back),
 * {@code walBytes} is the size of the {@code -wal} file (0 when there is none), {@code elapsedMs} how long
 * the check took, and {@code error} the reason a probe failed (null when none did).
 */
public record HealthResult(boolean healthy, String quickCheck, boolean writable, long walBytes, long elapsedMs, String error) {}
