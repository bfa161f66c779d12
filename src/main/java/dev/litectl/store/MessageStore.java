package dev.litectl.store;

import dev.litectl.db.CachedSql;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.Handle;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Messages: append, list a session's messages in order, count a session's tokens. One statement per call. */
public final class MessageStore {
    static final String COLUMNS = "id, session_id, role, content, created_at, parent_id, model, tokens_used, finish_reason, metadata";
    private static final CachedSql INSERT = CachedSql.of("INSERT INTO messages (session_id, role, content, parent_id, model, tokens_used,"
            + " finish_reason, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS);
    private static final CachedSql LIST = CachedSql.of("SELECT " + COLUMNS + " FROM messages WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?");
    private static final CachedSql TOKENS = CachedSql.of("SELECT coalesce(sum(tokens_used), 0) FROM messages WHERE session_id = ?");

    private final DatabasePool pool;

    MessageStore(DatabasePool pool) {
        this.pool = pool;
    }

    /** Appends a message; fails when the session (or parent) does not exist or the metadata is not JSON. */
    public Message append(NewMessage m) {
        return pool.writeStatement("cannot append a message to session", m.sessionId(), (h, sid) -> insert(h, m));
    }

    private static Message insert(Handle h, NewMessage m) throws SQLException {
        PreparedStatement ps = h.prepare(INSERT);
        ps.setString(1, m.sessionId());
        ps.setString(2, m.role() == null ? null : m.role().sql());
        ps.setString(3, m.content());
        Columns.setLong(ps, 4, m.parentId());
        ps.setString(5, m.model());
        Columns.setInt(ps, 6, m.tokensUsed());
        ps.setString(7, m.finishReason());
        ps.setString(8, m.metadata());
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return map(rs);
        }
    }

    public Message append(String sessionId, Role role, String content) {
        return append(NewMessage.of(sessionId, role, content));
    }

    /** Every message of a session, oldest first. */
    public List<Message> list(String sessionId) {
        return list(sessionId, 0, Integer.MAX_VALUE);
    }

    /** Up to {@code limit} messages of a session with an id above {@code afterId}, oldest first (for paging). */
    public List<Message> list(String sessionId, long afterId, int limit) {
        return pool.read("cannot list messages of session", sessionId, (h, sid) -> {
            PreparedStatement ps = h.prepare(LIST);
            ps.setString(1, sid);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            List<Message> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    /** The sum of tokens_used over a session's messages (0 when none). */
    public long countTokens(String sessionId) {
        return pool.read("cannot count tokens of session", sessionId, MessageStore::tokens);
    }

    private static long tokens(Handle h, String sessionId) throws SQLException {
        PreparedStatement ps = h.prepare(TOKENS);
        ps.setString(1, sessionId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    static Message map(ResultSet rs) throws SQLException {
        return new Message(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)), rs.getString(4), rs.getString(5),
                Columns.longOrNull(rs, 6), rs.getString(7), Columns.intOrNull(rs, 8),
                rs.getString(9), rs.getString(10));
    }
}
