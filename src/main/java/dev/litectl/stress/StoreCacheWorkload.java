package dev.litectl.stress;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link CacheWorkload}'s writers through the store API ({@code put} with a time to live, {@code get} that counts
 * the hit, {@code purgeExpired}). The store has no read-only lookup (its get counts the hit, a write), so the
 * readers are {@link CacheWorkload}'s plain read-only lookups.
 */
final class StoreCacheWorkload implements Workload {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration EXPIRED = Duration.ofSeconds(-1);

    @Override
    public WorkerLoop writer(WorkerContext ctx) throws SQLException {
        return new Writer(ctx);
    }

    @Override
    public WorkerLoop reader(WorkerContext ctx) throws SQLException {
        return new CacheWorkload().reader(ctx);
    }

    private static final class Writer extends StoreLoop {
        private final JdbcLoop.Recent<String> mine = new JdbcLoop.Recent<>(1000);
        private final Map<String, Long> versions = new HashMap<>();

        Writer(WorkerContext ctx) throws SQLException {
            super(ctx, true);
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
                    store.cache().put(key, value, DAY);
                    if (fresh) {
                        mine.add(key);
                    }
                    versions.put(key, version);
                    ctx.acks().add("cache", key, version);
                });
            }
            if (dice < 60) {
                String key = ctx.newKey("x");
                return new Operation("cache.put_expired", true, () -> store.cache().put(key, "{\"stale\":true}", EXPIRED));
            }
            if (dice < 95) {
                String key = mine.pick(ctx.random());
                return new Operation("cache.hit", true, () -> store.cache().get(key));
            }
            return new Operation("cache.purge", true, () -> store.cache().purgeExpired());
        }
    }
}
