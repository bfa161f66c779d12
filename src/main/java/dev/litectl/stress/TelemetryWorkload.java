package dev.litectl.stress;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Telemetry events. Writers: 90% {@code telemetry.insert} (one event), 10% {@code telemetry.insert_batch}
 * (10 events in one transaction, an application flushing its buffer). Readers: 60% {@code telemetry.range_24h}
 * (the newest 100 events of the last 24 hours), 40% {@code telemetry.aggregate} (count, average response time,
 * tokens and failures per event type over the last hour).
 */
final class TelemetryWorkload implements Workload {
    static final String[] EVENTS = {"query", "completion", "tool_call", "cache_hit", "cache_miss", "error"};
    static final String INSERT = "INSERT INTO telemetry (event_type, query, response_time_ms, tokens_used, success, session_id, metadata) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
    static final String RANGE_24H = "SELECT id, timestamp, event_type, response_time_ms, tokens_used FROM telemetry "
            + "WHERE timestamp >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 day') ORDER BY timestamp DESC LIMIT 100";
    static final String AGGREGATE = "SELECT event_type, count(*), avg(response_time_ms), sum(tokens_used), sum(success = 0) "
            + "FROM telemetry WHERE timestamp >= strftime('%Y-%m-%d %H:%M:%f', 'now', ?) GROUP BY event_type";

    @Override
    public WorkerLoop writer(WorkerContext ctx) throws SQLException {
        return new Writer(ctx);
    }

    @Override
    public WorkerLoop reader(WorkerContext ctx) throws SQLException {
        return new Reader(ctx);
    }

    private static final class Writer extends JdbcLoop {
        private final PreparedStatement insert;

        Writer(WorkerContext ctx) throws SQLException {
            super(ctx);
            insert = sql.prepare(INSERT);
        }

        @Override
        public Operation next() {
            int rows = ctx.random().nextInt(10) == 0 ? 10 : 1;
            long[] r = new long[rows];
            for (int i = 0; i < rows; i++) {
                r[i] = ctx.random().nextLong();
            }
            return new Operation(rows == 1 ? "telemetry.insert" : "telemetry.insert_batch", true, () -> {
                long[] ids = new long[rows];
                begin();
                for (int i = 0; i < rows; i++) {
                    bind(insert, r[i], ctx.tag());
                    ids[i] = queryLong(insert);
                }
                commit();
                for (long id : ids) {
                    ctx.acks().add("telemetry", id);
                }
            });
        }
    }

    /** Binds one event to {@link #INSERT} from a random number. */
    static void bind(PreparedStatement ps, long r, String session) throws SQLException {
        int type = (int) Math.floorMod(r, EVENTS.length);
        ps.setString(1, EVENTS[type]);
        ps.setString(2, "how do I " + (r >>> 40));
        ps.setDouble(3, Math.floorMod(r >> 8, 5000) / 10.0);
        ps.setInt(4, (int) Math.floorMod(r >> 20, 2000));
        ps.setInt(5, type == 5 ? 0 : 1);
        ps.setString(6, session);
        ps.setString(7, "{\"source\":\"stress-test\"}");
    }

    private static final class Reader extends JdbcLoop {
        private final PreparedStatement range;
        private final PreparedStatement aggregate;

        Reader(WorkerContext ctx) throws SQLException {
            super(ctx);
            range = sql.prepare(RANGE_24H);
            aggregate = sql.prepare(AGGREGATE);
            aggregate.setString(1, "-1 hour");
        }

        @Override
        public Operation next() {
            if (ctx.random().nextInt(10) < 6) {
                return new Operation("telemetry.range_24h", false, () -> drain(range));
            }
            return new Operation("telemetry.aggregate", false, () -> drain(aggregate));
        }
    }
}
