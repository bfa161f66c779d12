package dev.litectl.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection of a {@link DatabasePool}, lent to one thread for the duration of a {@code read} or
 * {@code write}, with its prepared statements cached: by {@link CachedSql} key in an array, and by SQL text
 * in a least-recently-used map. A statement from {@link #prepare} belongs to the handle: the caller closes its
 * result sets, never the statement, and must not keep it after the work.
 */
public final class Handle {
    private final Database db;
    private final int cacheSize;
    private final LinkedHashMap<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
    private PreparedStatement[] keyed = new PreparedStatement[0];
    /** Set while a reader is lent to a thread (see DatabasePool); unused for the writer. */
    final AtomicBoolean lent = new AtomicBoolean();

    Handle(Database db, int cacheSize) {
        this.db = db;
        this.cacheSize = cacheSize;
    }

    public Database database() {
        return db;
    }

    public Connection connection() {
        return db.connection();
    }

    /**
     * The cached prepared statement for {@code sql} (prepared on first use). Its parameters keep the values of
     * the last use: bind every one (sqlite-jdbc's clearParameters costs more than the query it precedes).
     */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps != null) {
            return ps;
        }
        ps = db.connection().prepareStatement(sql);
        if (cacheSize > 0) {
            statements.put(sql, ps);
            evictBeyondCapacity();
        }
        return ps;
    }

    /**
     * The prepared statement for {@code key}, prepared on this connection on first use and then found by the
     * key's number. Like {@link #prepare(String)}: bind every parameter, close the result set, not the statement.
     */
    public PreparedStatement prepare(CachedSql key) throws SQLException {
        int slot = key.slot();
        PreparedStatement[] k = keyed;
        if (slot < k.length) {
            PreparedStatement ps = k[slot];
            if (ps != null) {
                return ps;
            }
        }
        return prepareKeyed(key);
    }

    private PreparedStatement prepareKeyed(CachedSql key) throws SQLException {
        int slot = key.slot();
        if (slot >= cacheSize) {
            return prepare(key.sql());
        }
        if (slot >= keyed.length) {
            keyed = java.util.Arrays.copyOf(keyed, Math.min(cacheSize, Math.max(slot + 1, keyed.length * 2)));
        }
        PreparedStatement ps = db.connection().prepareStatement(key.sql());
        keyed[slot] = ps;
        return ps;
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<String, PreparedStatement>> it = statements.entrySet().iterator();
        while (statements.size() > cacheSize && it.hasNext()) {
            PreparedStatement old = it.next().getValue();
            it.remove();
            closeQuietly(old);
        }
    }

    /** {@link #prepare} with {@code params} bound in order. */
    public PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = prepare(sql);
        Query.bind(ps, java.util.Arrays.asList(params));
        return ps;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    public int update(String sql, Object... params) throws SQLException {
        return prepare(sql, params).executeUpdate();
    }

    /** Runs a query returning one integer (0 when no row or NULL). */
    public long queryLong(String sql, Object... params) throws SQLException {
        try (ResultSet rs = prepare(sql, params).executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    /** Runs a built statement and returns the number of rows it changed. */
    public int update(Query q) throws SQLException {
        PreparedStatement ps = prepare(q.sql());
        Query.bind(ps, q.params());
        return ps.executeUpdate();
    }

    /** Runs a built query; every row as a map from column label to value, in column order. */
    public List<Map<String, Object>> maps(Query q) throws SQLException {
        try (ResultSet rs = execute(q)) {
            return RowMapper.maps(rs);
        }
    }

    /** Runs a built query; every row as a {@code type} record, components matched to columns by name. */
    public <R extends Record> List<R> list(Query q, Class<R> type) throws SQLException {
        try (ResultSet rs = execute(q)) {
            return RowMapper.records(rs, type);
        }
    }

    /** The first row of a built query as a {@code type} record, if any. */
    public <R extends Record> Optional<R> one(Query q, Class<R> type) throws SQLException {
        List<R> rows = list(q, type);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private ResultSet execute(Query q) throws SQLException {
        PreparedStatement ps = prepare(q.sql());
        Query.bind(ps, q.params());
        return ps.executeQuery();
    }

    /** How many statements this connection holds prepared (by text and by key). */
    int cachedStatements() {
        int n = statements.size();
        for (PreparedStatement ps : keyed) {
            n += ps == null ? 0 : 1;
        }
        return n;
    }

    void close() {
        statements.values().forEach(Handle::closeQuietly);
        statements.clear();
        for (PreparedStatement ps : keyed) {
            if (ps != null) {
                closeQuietly(ps);
            }
        }
        keyed = new PreparedStatement[0];
        db.close();
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the statement is being discarded; nothing depends on closing it cleanly
        }
    }
}
