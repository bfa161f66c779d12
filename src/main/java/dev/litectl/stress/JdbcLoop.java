package dev.litectl.stress;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the plain-JDBC loops: prepared statements on the worker's connection, and writes as explicit
 * {@code BEGIN IMMEDIATE ... COMMIT} transactions, so that a key is acknowledged only once COMMIT returned
 * (an auto-commit {@code INSERT ... RETURNING} commits when the statement is reset, where an error can go
 * unseen) and so that the write lock is taken up front, where waiting for it is safe.
 */
abstract class JdbcLoop implements WorkerLoop {
    final WorkerContext ctx;
    final WorkerContext.Statements sql;
    private final PreparedStatement begin;
    private final PreparedStatement commit;

    JdbcLoop(WorkerContext ctx) throws SQLException {
        this.ctx = ctx;
        this.sql = new WorkerContext.Statements(ctx.connection());
        this.begin = sql.prepare("BEGIN IMMEDIATE");
        this.commit = sql.prepare("COMMIT");
    }

    void begin() throws SQLException {
        begin.execute();
    }

    void commit() throws SQLException {
        commit.execute();
    }

    /** Runs a statement returning one integer (an {@code INSERT ... RETURNING id}); -1 when it returns no row. */
    static long queryLong(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Runs a query and reads every row (so the time includes fetching), returning how many there were. */
    static int drain(PreparedStatement ps) throws SQLException {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
                n++;
            }
        }
        return n;
    }

    /** A bounded pool of keys this worker created, to pick from for updates and lookups. */
    static final class Recent<T> {
        private final List<T> items = new ArrayList<>();
        private final int capacity;
        private int next;

        Recent(int capacity) {
            this.capacity = capacity;
        }

        void add(T item) {
            if (items.size() < capacity) {
                items.add(item);
            } else {
                items.set(next, item);
                next = (next + 1) % capacity;
            }
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        T pick(java.util.SplittableRandom random) {
            return items.get(random.nextInt(items.size()));
        }
    }

    @Override
    public void close() {
        sql.close();
    }
}
