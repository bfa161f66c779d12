package dev.litectl.store;

import dev.litectl.db.CachedSql;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.Handle;
import dev.litectl.db.LitectlException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tasks: create (pending), move through their statuses ({@link TaskStatus#allowedFrom()}), list by status.
 * A move is one UPDATE guarded by the allowed previous statuses, so two workers cannot both start a task;
 * a move that is not allowed throws a LitectlException naming both statuses.
 */
public final class TaskStore {
    static final String COLUMNS = "id, session_id, user_id, title, description, status, priority, result, error, created_at,"
            + " updated_at, started_at, completed_at, metadata";
    private static final CachedSql INSERT = CachedSql.of("INSERT INTO tasks (title, description, priority, session_id, user_id, metadata)"
            + " VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS);
    private static final CachedSql GET = CachedSql.of("SELECT " + COLUMNS + " FROM tasks WHERE id = ?");
    private static final CachedSql LIST = CachedSql.of("SELECT " + COLUMNS + " FROM tasks WHERE status = ? ORDER BY priority DESC, created_at, id LIMIT ?");

    private final DatabasePool pool;

    TaskStore(DatabasePool pool) {
        this.pool = pool;
    }

    public Task create(NewTask t) {
        return pool.writeStatement("cannot create task", t.title(), (h, title) -> {
            PreparedStatement ps = h.prepare(INSERT);
            ps.setString(1, title);
            ps.setString(2, t.description());
            ps.setInt(3, t.priority());
            ps.setString(4, t.sessionId());
            ps.setString(5, t.userId());
            ps.setString(6, t.metadata());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        });
    }

    public Optional<Task> get(long id) {
        return pool.read("cannot read task", id, TaskStore::find);
    }

    /** pending → active, setting started_at. */
    public Task start(long id) {
        return move(id, TaskStatus.ACTIVE, null, null);
    }

    /** active → completed with a JSON result, setting completed_at. */
    public Task complete(long id, String resultJson) {
        return move(id, TaskStatus.COMPLETED, resultJson, null);
    }

    /** active → failed with an error message, setting completed_at. */
    public Task fail(long id, String error) {
        return move(id, TaskStatus.FAILED, null, error);
    }

    /** pending or active → cancelled, setting completed_at. */
    public Task cancel(long id) {
        return move(id, TaskStatus.CANCELLED, null, null);
    }

    private Task move(long id, TaskStatus to, String resultJson, String error) {
        String from = to.allowedFrom().stream().map(s -> "'" + s.sql() + "'").collect(Collectors.joining(", "));
        String time = to == TaskStatus.ACTIVE ? "started_at" : "completed_at";
        String sql = "UPDATE tasks SET status = ?, result = coalesce(?, result), error = coalesce(?, error), " + time + " = "
                + Timestamps.NOW + ", updated_at = " + Timestamps.NOW + " WHERE id = ? AND status IN (" + from + ") RETURNING " + COLUMNS;
        return pool.write("cannot move task " + id + " to " + to.sql(), h -> {
            try (ResultSet rs = h.prepare(sql, to.sql(), resultJson, error, id).executeQuery()) {
                if (rs.next()) {
                    return map(rs);
                }
            }
            Optional<Task> now = find(h, id);
            throw new LitectlException("cannot move task " + id + " to " + to.sql() + ": "
                    + now.map(t -> "it is " + t.status().sql() + " (allowed from: " + from.replace("'", "") + ")").orElse("no such task"));
        });
    }

    /** Tasks with {@code status}, highest priority first, then oldest; at most {@code limit}. */
    public List<Task> listByStatus(TaskStatus status, int limit) {
        return pool.read("cannot list tasks", h -> {
            PreparedStatement ps = h.prepare(LIST);
            ps.setString(1, status.sql());
            ps.setInt(2, limit);
            List<Task> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    private static Optional<Task> find(Handle h, long id) throws SQLException {
        PreparedStatement ps = h.prepare(GET);
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    static Task map(ResultSet rs) throws SQLException {
        return new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                TaskStatus.of(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
    }
}
