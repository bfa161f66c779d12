package dev.litectl.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;
import org.sqlite.core.SafeStmtPtr;

/**
 * Reads the current row straight from the SQLite statement (sqlite-jdbc's public {@code DB} column calls):
 * no {@code getObject}, no boxing, no String per cell, which is what makes {@code query} fast on big results.
 * The row is valid only inside {@link #emit}.
 */
final class NativeRow implements Row, SafeStmtPtr.SafePtrConsumer<SQLException> {
    private static final int SQLITE_ROW = 100;
    private static final int SQLITE_DONE = 101;
    private final SafeStmtPtr pointer;
    private final int columns;
    private ResultWriter writer;
    private DB db;
    private long ptr;

    NativeRow(PreparedStatement statement, int columns) throws SQLException {
        this.pointer = statement.unwrap(CoreStatement.class).pointer;
        this.columns = columns;
    }

    /** How many columns the prepared statement returns (0 for a statement that returns no rows). */
    static int columnCount(PreparedStatement statement) throws SQLException {
        return statement.unwrap(CoreStatement.class).pointer.safeRunInt(DB::column_count);
    }

    /**
     * Hands the current row and every row after it to {@code w}, stepping the statement itself under one
     * lock of the connection instead of two per row; returns how many rows it handed over.
     */
    long emitAll(ResultWriter w) throws SQLException {
        this.writer = w;
        this.rows = 0;
        pointer.safeRunConsume(this);
        return rows;
    }

    private long rows;

    @Override
    public void run(DB database, long statement) throws SQLException {
        this.db = database;
        this.ptr = statement;
        int rc;
        do {
            writer.row(this);
            rows++;
            rc = database.step(statement);
        } while (rc == SQLITE_ROW);
        if (rc != SQLITE_DONE) {
            database.throwex(rc);
        }
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public int type(int column) {
        try {
            return db.column_type(ptr, column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long longValue(int column) {
        try {
            return db.column_long(ptr, column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] bytes(int column) {
        try {
            byte[] b = db.column_blob(ptr, column);
            return b == null ? new byte[0] : b;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
