package dev.litectl.store;

import dev.litectl.db.CachedSql;
import dev.litectl.db.Condition;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.Query;
import dev.litectl.db.Select;
import dev.litectl.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit trail: append an entry, query by agent, status, session and time. The schema's
 * trigger refuses updates; old entries leave only through {@code litectl maintain}.
 */
public final class AuditLog {
    private static final String[] COLUMNS = {"id", "timestamp", "agent_id", "operation", "status", "target", "session_id",
        "duration_ms", "error_message", "context_json"};
    private static final CachedSql INSERT = CachedSql.of("INSERT INTO audit_log (agent_id, operation, status, target, session_id, duration_ms,"
            + " error_message, context_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");

    private final DatabasePool pool;

    AuditLog(DatabasePool pool) {
        this.pool = pool;
    }

    /** Appends an entry and returns its id. */
    public long append(NewAuditEntry e) {
        return pool.writeStatement("cannot append to the audit log", h -> {
            PreparedStatement ps = h.prepare(INSERT);
            ps.setString(1, e.agentId());
            ps.setString(2, e.operation());
            ps.setString(3, e.status() == null ? null : e.status().sql());
            ps.setString(4, e.target());
            ps.setString(5, e.sessionId());
            Columns.setLong(ps, 6, e.durationMs());
            ps.setString(7, e.errorMessage());
            ps.setString(8, e.contextJson());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Entries matching {@code f}, newest first. */
    public List<AuditEntry> query(AuditFilter f) {
        Select s = Sql.select((Object[]) COLUMNS).from("audit_log");
        if (f.agentId() != null) {
            s.where(Condition.eq("agent_id", f.agentId()));
        }
        if (f.status() != null) {
            s.where(Condition.eq("status", f.status().sql()));
        }
        if (f.sessionId() != null) {
            s.where(Condition.eq("session_id", f.sessionId()));
        }
        if (f.since() != null) {
            s.where(Condition.ge("timestamp", Timestamps.format(f.since())));
        }
        if (f.until() != null) {
            s.where(Condition.lt("timestamp", Timestamps.format(f.until())));
        }
        Query q = s.orderByDesc("id").limit(f.limit()).build();
        return pool.read("cannot query the audit log", h -> {
            PreparedStatement ps = h.prepare(q.sql(), q.params().toArray());
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            AuditStatus.of(rs.getString(5)), rs.getString(6), rs.getString(7), Columns.longOrNull(rs, 8),
                            rs.getString(9), rs.getString(10)));
                }
            }
            return out;
        });
    }
}
