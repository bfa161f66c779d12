package dev.litectl.stress;

import dev.litectl.store.NewTelemetryEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link TelemetryWorkload} through the store API: {@code record}, ten {@code record}s inside one
 * {@code pool.write} transaction, {@code range} over the last 24 hours (the store returns the oldest first: 100
 * of them) and {@code stats} per event type over the last hour (the store's aggregate adds a p95).
 */
final class StoreTelemetryWorkload implements Workload {
    @Override
    public WorkerLoop writer(WorkerContext ctx) throws SQLException {
        return new Writer(ctx);
    }

    @Override
    public WorkerLoop reader(WorkerContext ctx) throws SQLException {
        return new Reader(ctx);
    }

    static NewTelemetryEvent event(long r, String session) {
        int type = (int) Math.floorMod(r, TelemetryWorkload.EVENTS.length);
        return new NewTelemetryEvent(TelemetryWorkload.EVENTS[type], "how do I " + (r >>> 40), Math.floorMod(r >> 8, 5000) / 10.0,
                (int) Math.floorMod(r >> 20, 2000), type != 5, session, "{\"source\":\"stress-test\"}");
    }

    private static final class Writer extends StoreLoop {
        Writer(WorkerContext ctx) throws SQLException {
            super(ctx, true);
        }

        @Override
        public Operation next() {
            int rows = ctx.random().nextInt(10) == 0 ? 10 : 1;
            NewTelemetryEvent[] events = new NewTelemetryEvent[rows];
            for (int i = 0; i < rows; i++) {
                events[i] = event(ctx.random().nextLong(), ctx.tag());
            }
            if (rows == 1) {
                return new Operation("telemetry.insert", true, () -> ctx.acks().add("telemetry", store.telemetry().record(events[0])));
            }
            return new Operation("telemetry.insert_batch", true, () -> {
                long[] ids = pool.write("stress-test: telemetry batch", h -> {
                    long[] out = new long[rows];
                    for (int i = 0; i < rows; i++) {
                        out[i] = store.telemetry().record(events[i]);
                    }
                    return out;
                });
                for (long id : ids) {
                    ctx.acks().add("telemetry", id);
                }
            });
        }
    }

    private static final class Reader extends StoreLoop {
        Reader(WorkerContext ctx) throws SQLException {
            super(ctx, false);
        }

        @Override
        public Operation next() {
            if (ctx.random().nextInt(10) < 6) {
                return new Operation("telemetry.range_24h", false,
                        () -> store.telemetry().range(Instant.now().minus(Duration.ofDays(1)), null, null, 100));
            }
            return new Operation("telemetry.aggregate", false, () -> store.telemetry().stats(Instant.now().minus(Duration.ofHours(1)), null));
        }
    }
}
