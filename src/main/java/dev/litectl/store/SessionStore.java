package dev.litectl.store;

import dev.litectl.db.CachedSql;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.Handle;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions: create, get, list by status and time, update state or status, soft delete (hidden from get and
 * list), and delete (which cascades to the session's messages and tool executions). Each call is one prepared
 * statement; JSON that is not valid is refused by the schema's CHECK and thrown as a LitectlException.
 */
public final class SessionStore {
    static final String COLUMNS = "id, name, state, metadata, status, model, created_at, updated_at, deleted_at";
    private static final CachedSql INSERT = CachedSql.of("INSERT INTO sessions (id, name, state, metadata, model) VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS);
    private static final CachedSql GET = CachedSql.of("SELECT " + COLUMNS + " FROM sessions WHERE id = ? AND deleted_at IS NULL");
    private static final CachedSql LIST = CachedSql.of("SELECT " + COLUMNS + " FROM sessions WHERE deleted_at IS NULL AND status = ? AND updated_at >= ?"
            + " ORDER BY updated_at DESC LIMIT ?");
    private static final CachedSql LIST_ALL = CachedSql.of("SELECT " + COLUMNS + " FROM sessions WHERE deleted_at IS NULL AND updated_at >= ?"
            + " ORDER BY updated_at DESC LIMIT ?");
    private static final CachedSql UPDATE_STATE = CachedSql.of("UPDATE sessions SET state = ? WHERE id = ? AND deleted_at IS NULL");
    private static final CachedSql UPDATE_STATUS = CachedSql.of("UPDATE sessions SET status = ? WHERE id = ? AND deleted_at IS NULL");
    private static final CachedSql SOFT_DELETE = CachedSql.of("UPDATE sessions SET deleted_at = " + Timestamps.NOW + " WHERE id = ? AND deleted_at IS NULL");
    private static final CachedSql DELETE = CachedSql.of("DELETE FROM sessions WHERE id = ?");

    private final DatabasePool pool;

    SessionStore(DatabasePool pool) {
        this.pool = pool;
    }

    /** Creates a session with a random UUID as its id. */
    public Session create(String name, String stateJson, String metadataJson, String model) {
        return create(UUID.randomUUID().toString(), name, stateJson, metadataJson, model);
    }

    /** Creates session {@code id} (status active); fails if the id exists or the JSON is invalid. */
    public Session create(String id, String name, String stateJson, String metadataJson, String model) {
        return pool.writeStatement("cannot create session", id, (h, sid) -> {
            PreparedStatement ps = h.prepare(INSERT);
            ps.setString(1, sid);
            ps.setString(2, name);
            ps.setString(3, stateJson);
            ps.setString(4, metadataJson);
            ps.setString(5, model);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        });
    }

    /** The live session {@code id}; empty when it does not exist or was soft-deleted. */
    public Optional<Session> get(String id) {
        return pool.read("cannot read session", id, SessionStore::find);
    }

    private static Optional<Session> find(Handle h, String id) throws SQLException {
        PreparedStatement ps = h.prepare(GET);
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    /**
     * Live sessions with {@code status} (null: any) updated at or after {@code updatedSince} (null: ever),
     * most recently updated first, at most {@code limit}.
     */
    public List<Session> list(SessionStatus status, Instant updatedSince, int limit) {
        String since = updatedSince == null ? "" : Timestamps.format(updatedSince);
        return pool.read("cannot list sessions", h -> {
            PreparedStatement ps;
            if (status == null) {
                ps = h.prepare(LIST_ALL);
                ps.setString(1, since);
                ps.setInt(2, limit);
            } else {
                ps = h.prepare(LIST);
                ps.setString(1, status.sql());
                ps.setString(2, since);
                ps.setInt(3, limit);
            }
            return mapAll(ps);
        });
    }

    /** Replaces the state JSON of a live session; false when there is none. */
    public boolean updateState(String id, String stateJson) {
        return pool.writeStatement("cannot update session", id, (h, sid) -> update(h, UPDATE_STATE, stateJson, sid));
    }

    /** Sets the status of a live session; false when there is none. */
    public boolean updateStatus(String id, SessionStatus status) {
        return pool.writeStatement("cannot update session", id, (h, sid) -> update(h, UPDATE_STATUS, status.sql(), sid));
    }

    /** Marks a live session deleted (kept, hidden from get and list); false when there is none. */
    public boolean softDelete(String id) {
        return pool.writeStatement("cannot delete session", id, (h, sid) -> update(h, SOFT_DELETE, sid));
    }

    /** Deletes a session for good, with its messages and tool executions (foreign-key cascade). */
    public boolean delete(String id) {
        return pool.writeStatement("cannot delete session", id, (h, sid) -> update(h, DELETE, sid));
    }

    /** Runs {@code sql} with its text parameters and tells whether it changed exactly one row. */
    private static boolean update(Handle h, CachedSql sql, String... params) throws SQLException {
        PreparedStatement ps = h.prepare(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setString(i + 1, params[i]);
        }
        return ps.executeUpdate() == 1;
    }

    private static List<Session> mapAll(PreparedStatement ps) throws SQLException {
        List<Session> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    static Session map(ResultSet rs) throws SQLException {
        return new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                SessionStatus.of(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
