package dev.litectl.store;

import dev.litectl.db.CachedSql;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.LitectlException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tool executions: start one (status running), finish it with output or with an error (completed_at and
 * duration_ms set from the start time), list a message's executions. One statement per call.
 */
public final class ToolExecutionStore {
    private static final String COLUMNS = "id, message_id, session_id, tool_name, input, output, status, error, started_at,"
            + " completed_at, duration_ms, retry_count, tokens_used, cost_usd, metadata";
    private static final CachedSql INSERT = CachedSql.of("INSERT INTO tool_executions (message_id, session_id, tool_name, input)"
            + " SELECT id, session_id, ?, ? FROM messages WHERE id = ? RETURNING " + COLUMNS);
    private static final CachedSql FINISH = CachedSql.of("UPDATE tool_executions SET status = ?, output = ?, error = ?, tokens_used = ?, cost_usd = ?,"
            + " completed_at = " + Timestamps.NOW + ","
            + " duration_ms = max(0, CAST(round((julianday('now') - julianday(started_at)) * 86400000) AS INTEGER))"
            + " WHERE id = ? AND status IN ('pending', 'running') RETURNING " + COLUMNS);
    private static final CachedSql LIST = CachedSql.of("SELECT " + COLUMNS + " FROM tool_executions WHERE message_id = ? ORDER BY id");

    private final DatabasePool pool;

    ToolExecutionStore(DatabasePool pool) {
        this.pool = pool;
    }

    /** Records that {@code toolName} started for message {@code messageId} (its session is the message's). */
    public ToolExecution start(long messageId, String toolName, String inputJson) {
        return pool.writeStatement("cannot start tool", toolName, (h, tool) -> {
            PreparedStatement ps = h.prepare(INSERT);
            ps.setString(1, tool);
            ps.setString(2, inputJson);
            ps.setLong(3, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LitectlException("cannot start tool " + tool + ": no message " + messageId);
                }
                return map(rs);
            }
        });
    }

    /** Marks a running execution succeeded with its output; null when it is not running (or does not exist). */
    public ToolExecution succeed(long id, String output, Integer tokensUsed, Double costUsd) {
        return finish(id, ToolStatus.SUCCEEDED, output, null, tokensUsed, costUsd);
    }

    /** Marks a running execution failed with {@code error}; null when it is not running (or does not exist). */
    public ToolExecution fail(long id, String error) {
        return finish(id, ToolStatus.FAILED, null, error, null, null);
    }

    private ToolExecution finish(long id, ToolStatus status, String output, String error, Integer tokens, Double cost) {
        return pool.writeStatement("cannot finish tool execution", id, (h, execution) -> {
            PreparedStatement ps = h.prepare(FINISH);
            ps.setString(1, status.sql());
            ps.setString(2, output);
            ps.setString(3, error);
            Columns.setInt(ps, 4, tokens);
            Columns.setDouble(ps, 5, cost);
            ps.setLong(6, execution);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        });
    }

    /** The executions of a message, in the order they started. */
    public List<ToolExecution> listByMessage(long messageId) {
        return pool.read("cannot list tool executions of message", messageId, (h, message) -> {
            PreparedStatement ps = h.prepare(LIST);
            ps.setLong(1, message);
            List<ToolExecution> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    static ToolExecution map(ResultSet rs) throws SQLException {
        return new ToolExecution(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                ToolStatus.of(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                Columns.longOrNull(rs, 11), rs.getInt(12), Columns.intOrNull(rs, 13),
                Columns.doubleOrNull(rs, 14), rs.getString(15));
    }
}
