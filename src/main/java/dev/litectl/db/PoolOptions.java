package dev.litectl.db;

/**
 * Options of {@link DatabasePool#open(java.nio.file.Path, PoolOptions)}: how the file is opened (the writer
 * uses {@code mode}; {@link OpenMode#READ_ONLY} means no writer at all), how long to wait for another
 * process's lock, how many read connections to keep, and how many prepared statements each connection caches.
 */
public record PoolOptions(OpenMode mode, int busyTimeoutMs, int readers, int statementCacheSize) {
    public PoolOptions {
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        if (busyTimeoutMs < 0 || readers < 1 || statementCacheSize < 1) {
            throw new IllegalArgumentException("busyTimeoutMs >= 0, readers >= 1 and statementCacheSize >= 1 are required");
        }
    }

    /** Create the file if missing, the default busy timeout, 4 readers, 64 cached statements per connection. */
    public static PoolOptions defaults() {
        return new PoolOptions(OpenMode.CREATE, Database.DEFAULT_BUSY_TIMEOUT_MS, 4, 64);
    }

    public PoolOptions withMode(OpenMode m) {
        return new PoolOptions(m, busyTimeoutMs, readers, statementCacheSize);
    }

    public PoolOptions withReaders(int n) {
        return new PoolOptions(mode, busyTimeoutMs, n, statementCacheSize);
    }

    public PoolOptions withBusyTimeoutMs(int ms) {
        return new PoolOptions(mode, ms, readers, statementCacheSize);
    }

    public PoolOptions withStatementCacheSize(int n) {
        return new PoolOptions(mode, busyTimeoutMs, readers, n);
    }
}
