package dev.litectl.store;

import dev.litectl.db.CachedSql;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.Handle;
import dev.litectl.db.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A key-value cache with expiry: a get counts a hit and never returns an expired entry, a put replaces the
 * value and its time to live, purgeExpired deletes what has expired. Times come from SQLite's clock. Each call
 * is one statement (a get writes its hit count, so it goes through the writer).
 */
public final class CacheStore {
    private static final CachedSql GET = CachedSql.of("UPDATE cache SET hit_count = hit_count + 1, last_hit_at = " + Timestamps.NOW
            + " WHERE key = ? AND (expires_at IS NULL OR expires_at > " + Timestamps.NOW + ")"
            + " RETURNING key, value, created_at, expires_at, hit_count");
    private static final CachedSql PUT = CachedSql.of("INSERT INTO cache (key, value, expires_at) VALUES (?, ?,"
            + " CASE WHEN ? IS NULL THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%f', 'now', ?) END)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at,"
            + " created_at = excluded.created_at, hit_count = 0, last_hit_at = NULL");
    private static final CachedSql DELETE = CachedSql.of("DELETE FROM cache WHERE key = ?");
    private static final CachedSql PURGE = CachedSql.of("DELETE FROM cache WHERE expires_at IS NOT NULL AND expires_at <= " + Timestamps.NOW);

    private final DatabasePool pool;

    CacheStore(DatabasePool pool) {
        this.pool = pool;
    }

    /** The live entry for {@code key}, counting the hit; empty when missing or expired. */
    public Optional<CacheEntry> get(String key) {
        return pool.writeStatement("cannot read cache key", key, CacheStore::hit);
    }

    private static Optional<CacheEntry> hit(Handle h, String key) throws SQLException {
        PreparedStatement ps = h.prepare(GET);
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new CacheEntry(rs.getString(1), rs.getObject(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
        }
    }

    /** The live value for {@code key} as text, counting the hit. */
    public Optional<String> getText(String key) {
        return get(key).map(CacheEntry::text);
    }

    /**
     * Stores {@code value} (String, number or byte[]) under {@code key}, replacing any entry; it expires after
     * {@code ttl} (null: never). A zero or negative ttl stores an entry that is already expired.
     */
    public void put(String key, Object value, Duration ttl) {
        String modifier = ttl == null ? null : modifier(ttl.toMillis());
        pool.writeStatement("cannot write cache key", key, (h, k) -> {
            PreparedStatement ps = h.prepare(PUT);
            ps.setString(1, k);
            Query.bindValue(ps, 2, value); // the column is ANY: a value binds as the query builder binds it
            ps.setString(3, modifier);
            ps.setString(4, modifier);
            return ps.executeUpdate();
        });
    }

    /** A SQLite date modifier for {@code ms} milliseconds, such as {@code +90.500 seconds} (String.format is slow). */
    static String modifier(long ms) {
        long abs = Math.abs(ms);
        long frac = abs % 1000;
        return (ms < 0 ? "-" : "+") + abs / 1000 + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac + " seconds";
    }

    /** Removes {@code key}; false when it was not there. */
    public boolean delete(String key) {
        return pool.writeStatement("cannot delete cache key", key, (h, k) -> {
            PreparedStatement ps = h.prepare(DELETE);
            ps.setString(1, k);
            return ps.executeUpdate() == 1;
        });
    }

    /** Deletes every expired entry and returns how many. */
    public int purgeExpired() {
        return pool.writeStatement("cannot purge the cache", h -> h.prepare(PURGE).executeUpdate());
    }
}
