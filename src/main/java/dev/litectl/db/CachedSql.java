package dev.litectl.db;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A statement that every connection of a {@link DatabasePool} prepares on first use and then finds by a
 * number fixed when the {@code CachedSql} was made, instead of looking its text up in the statement cache:
 * for the statements an application runs all the time. Declare each one once, as a constant
 * ({@code static final CachedSql GET = CachedSql.of("SELECT ...")}), and pass it to {@link Handle#prepare(CachedSql)}.
 * A connection keeps up to {@link PoolOptions#statementCacheSize()} of them this way; any made beyond that
 * number go through the ordinary statement cache, which gives the same results a little slower.
 */
public final class CachedSql {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String sql;
    private final int slot;

    private CachedSql(String sql, int slot) {
        this.sql = sql;
        this.slot = slot;
    }

    /** A new key for {@code sql} (parameters as {@code ?}; values are bound, never part of the text). */
    public static CachedSql of(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("sql must not be empty");
        }
        return new CachedSql(sql, NEXT.getAndIncrement());
    }

    public String sql() {
        return sql;
    }

    int slot() {
        return slot;
    }

    @Override
    public String toString() {
        return sql;
    }
}
