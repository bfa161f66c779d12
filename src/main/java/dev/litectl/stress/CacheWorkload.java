package dev.litectl.stress;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A key-value cache with expiry. Writers: 55% {@code cache.put} (a new key or a new version of one of theirs,
 * expiring in a day; verification expects the last committed version), 5% {@code cache.put_expired} (an entry
 * already past its expiry, not acknowledged: it is there to be purged), 35% {@code cache.hit} (a get that
 * counts the hit, which is an UPDATE), 5% {@code cache.purge} (delete every expired entry). Readers: 100%
 * {@code cache.get} (the first live entry at or after a random key).
 */
final class CacheWorkload implements Workload {
    static final String NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')";

    @Override
    public WorkerLoop writer(WorkerContext ctx) throws SQLException {
        return new Writer(ctx);
    }

    @Override
    public WorkerLoop reader(WorkerContext ctx) throws SQLException {
        return new Reader(ctx);
    }

    private static final class Writer extends JdbcLoop {
        private final PreparedStatement put;
        private final PreparedStatement hit;
        private final PreparedStatement purge;
        private final Recent<String> mine = new Recent<>(1000);
        private final Map<String, Long> versions = new HashMap<>();

        Writer(WorkerContext ctx) throws SQLException {
            super(ctx);
            put = sql.prepare("INSERT INTO cache (key, value, expires_at) VALUES (?, ?, strftime('%Y-%m-%d %H:%M:%f', 'now', ?)) "
                    + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at, "
                    + "created_at = " + NOW);
            hit = sql.prepare("UPDATE cache SET hit_count = hit_count + 1, last_hit_at = " + NOW
                    + " WHERE key = ? AND (expires_at IS NULL OR expires_at > " + NOW + ") RETURNING value");
            purge = sql.prepare("DELETE FROM cache WHERE expires_at <= " + NOW);
        }

        @Override
        public Operation next() {
            int dice = ctx.random().nextInt(100);
            if (mine.isEmpty() || dice < 55) {
                boolean fresh = mine.isEmpty() || ctx.random().nextInt(10) < 8;
                String key = fresh ? ctx.newKey("c") : mine.pick(ctx.random());
                long version = fresh ? 0 : versions.get(key) + 1;
                String value = "{\"version\":" + version + ",\"answer\":\"" + "cached completion ".repeat(8) + "\"}";
                return new Operation("cache.put", true, () -> {
                    write(key, value, "+1 day");
                    if (fresh) {
                        mine.add(key);
                    }
                    versions.put(key, version);
                    ctx.acks().add("cache", key, version);
                });
            }
            if (dice < 60) {
                String key = ctx.newKey("x");
                return new Operation("cache.put_expired", true, () -> write(key, "{\"stale\":true}", "-1 seconds"));
            }
            if (dice < 95) {
                String key = mine.pick(ctx.random());
                return new Operation("cache.hit", true, () -> {
                    begin();
                    hit.setString(1, key);
                    drain(hit);
                    commit();
                });
            }
            return new Operation("cache.purge", true, () -> {
                begin();
                purge.executeUpdate();
                commit();
            });
        }

        private void write(String key, String value, String expiry) throws SQLException {
            begin();
            put.setString(1, key);
            put.setString(2, value);
            put.setString(3, expiry);
            put.executeUpdate();
            commit();
        }
    }

    private static final class Reader extends JdbcLoop {
        private final PreparedStatement get;

        Reader(WorkerContext ctx) throws SQLException {
            super(ctx);
            get = sql.prepare("SELECT key, value, hit_count FROM cache WHERE key >= ? "
                    + "AND (expires_at IS NULL OR expires_at > " + NOW + ") ORDER BY key LIMIT 1");
        }

        @Override
        public Operation next() {
            String probe = String.format("c%016x", ctx.random().nextLong());
            return new Operation("cache.get", false, () -> {
                get.setString(1, probe);
                drain(get);
            });
        }
    }
}
