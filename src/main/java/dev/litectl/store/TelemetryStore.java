package dev.litectl.store;

import dev.litectl.db.CachedSql;
import dev.litectl.db.DatabasePool;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Telemetry: record an event, read a time range (optionally of one type), aggregate per event type. */
public final class TelemetryStore {
    private static final String COLUMNS = "id, timestamp, event_type, query, response_time_ms, tokens_used, success, session_id, metadata";
    private static final CachedSql INSERT = CachedSql.of("INSERT INTO telemetry (event_type, query, response_time_ms, tokens_used, success, session_id, metadata)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    private static final CachedSql RANGE = CachedSql.of("SELECT " + COLUMNS + " FROM telemetry WHERE timestamp >= ? AND timestamp < ?"
            + " ORDER BY timestamp, id LIMIT ?");
    private static final CachedSql RANGE_TYPE = CachedSql.of("SELECT " + COLUMNS + " FROM telemetry WHERE event_type = ? AND timestamp >= ? AND timestamp < ?"
            + " ORDER BY timestamp, id LIMIT ?");
    /** p95 by nearest rank: the ceil(0.95 n)-th smallest response time, computed with integer arithmetic. */
    static final CachedSql STATS = CachedSql.of("WITH t AS (SELECT event_type, response_time_ms, tokens_used,"
            + " row_number() OVER (PARTITION BY event_type ORDER BY response_time_ms IS NULL, response_time_ms) AS rn,"
            + " count(response_time_ms) OVER (PARTITION BY event_type) AS n"
            + " FROM telemetry WHERE timestamp >= ? AND timestamp < ?)"
            + " SELECT event_type, count(*), avg(response_time_ms),"
            + " max(CASE WHEN rn = (95 * n + 99) / 100 THEN response_time_ms END), sum(coalesce(tokens_used, 0))"
            + " FROM t GROUP BY event_type ORDER BY event_type");
    private static final String MIN_TIME = "0000";
    private static final String MAX_TIME = "9999";

    private final DatabasePool pool;

    TelemetryStore(DatabasePool pool) {
        this.pool = pool;
    }

    /** Records an event at the current time and returns its id. */
    public long record(NewTelemetryEvent e) {
        return pool.writeStatement("cannot record telemetry event", e.eventType(), (h, type) -> {
            PreparedStatement ps = h.prepare(INSERT);
            ps.setString(1, type);
            ps.setString(2, e.query());
            Columns.setDouble(ps, 3, e.responseTimeMs());
            Columns.setInt(ps, 4, e.tokensUsed());
            Columns.setBool(ps, 5, e.success());
            ps.setString(6, e.sessionId());
            ps.setString(7, e.metadata());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Events with {@code from <= timestamp < to} (null bounds are open), of {@code eventType} when not null,
     * oldest first, at most {@code limit}.
     */
    public List<TelemetryEvent> range(Instant from, Instant to, String eventType, int limit) {
        String a = from == null ? MIN_TIME : Timestamps.format(from);
        String b = to == null ? MAX_TIME : Timestamps.format(to);
        return pool.read("cannot read telemetry", h -> {
            PreparedStatement ps;
            int i = 1;
            if (eventType == null) {
                ps = h.prepare(RANGE);
            } else {
                ps = h.prepare(RANGE_TYPE);
                ps.setString(i++, eventType);
            }
            ps.setString(i++, a);
            ps.setString(i++, b);
            ps.setInt(i, limit);
            List<TelemetryEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TelemetryEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Columns.doubleOrNull(rs, 5), Columns.intOrNull(rs, 6), Columns.boolOrNull(rs, 7),
                            rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        });
    }

    /** Per event type over {@code from <= timestamp < to} (null bounds are open): count, avg, p95, tokens. */
    public List<EventTypeStats> stats(Instant from, Instant to) {
        String a = from == null ? MIN_TIME : Timestamps.format(from);
        String b = to == null ? MAX_TIME : Timestamps.format(to);
        return pool.read("cannot aggregate telemetry", h -> {
            List<EventTypeStats> out = new ArrayList<>();
            PreparedStatement ps = h.prepare(STATS);
            ps.setString(1, a);
            ps.setString(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EventTypeStats(rs.getString(1), rs.getLong(2), Columns.doubleOrNull(rs, 3),
                            Columns.doubleOrNull(rs, 4), rs.getLong(5)));
                }
            }
            return out;
        });
    }
}
