package dev.litectl.query;

import dev.litectl.db.Database;
import dev.litectl.db.SqlStatement;
import dev.litectl.db.SqliteErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs ad-hoc SQL on one database and streams each statement's rows to a {@link ResultWriter}. Statements run
 * in auto-commit mode, as the SQL says (a script's own BEGIN/COMMIT is honoured). {@link #cancel} may be called
 * from another thread (a timer, a Ctrl-C handler): the running statement stops with SQLITE_INTERRUPT, which
 * surfaces as {@link dev.litectl.db.OperationInterruptedException}, and no further statement starts.
 */
public final class QueryRunner {
    private final Database db;
    private volatile Statement current;
    private volatile boolean cancelled;

    public QueryRunner(Database db) {
        this.db = db;
    }

    /** The parameter keys a statement uses: names without their prefix, and indexes of {@code ?NNN}. */
    public static Set<String> parameterKeys(String sql) {
        return new TreeSet<>(Parameters.of(sql).keySet());
    }

    /**
     * Runs the statements in order, printing the rows of each one that returns rows; stops at the first error
     * and throws a {@link dev.litectl.db.LitectlException} whose message is {@code <where>:<line>: <SQLite message>}.
     */
    public ScriptResult runScript(String where, List<SqlStatement> statements, Map<String, String> params,
                                  ResultWriter writer) {
        int count = 0;
        long rows = 0;
        long changes = 0;
        for (SqlStatement st : statements) {
            try {
                StatementResult r = run(st.sql(), params, writer);
                count++;
                rows += r.rows();
                changes += r.changes();
            } catch (SQLException e) {
                throw SqliteErrors.translate(where + ":" + st.line(), e);
            }
        }
        return new ScriptResult(count, rows, changes);
    }

    /** Runs one statement with {@code params} bound, streaming its rows (if it returns any) to {@code writer}. */
    public StatementResult run(String sql, Map<String, String> params, ResultWriter writer) throws SQLException {
        long start = System.nanoTime();
        Connection c = db.connection();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            current = ps;
            if (cancelled) {
                throw new SQLException("interrupted", "HY008", SqliteErrors.INTERRUPT);
            }
            Parameters.bind(ps, sql, params);
            int n = NativeRow.columnCount(ps);
            if (n == 0) {
                ps.execute();
                long changed = c.unwrap(org.sqlite.SQLiteConnection.class).getDatabase().changes();
                return new StatementResult(false, 0, changed, System.nanoTime() - start);
            }
            ResultSetMetaData meta = ps.getMetaData();
            String[] names = new String[n];
            for (int i = 0; i < n; i++) {
                names[i] = meta.getColumnLabel(i + 1);
            }
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                NativeRow row = new NativeRow(ps, n);
                writer.begin(names);
                try {
                    if (rs.next()) {
                        rows = row.emitAll(writer);
                    }
                } finally {
                    writer.end();
                }
            }
            return new StatementResult(true, rows, 0, System.nanoTime() - start);
        } finally {
            current = null;
        }
    }

    /** The {@code EXPLAIN QUERY PLAN} of one statement, with {@code params} bound. */
    public QueryPlan explain(String sql, Map<String, String> params) throws SQLException {
        String eqp = "EXPLAIN QUERY PLAN " + sql;
        try (PreparedStatement ps = db.connection().prepareStatement(eqp)) {
            Parameters.bind(ps, eqp, params);
            List<QueryPlan.Step> steps = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new QueryPlan.Step(rs.getInt(1), rs.getInt(2), rs.getString(4)));
                }
            }
            return new QueryPlan(steps);
        }
    }

    /** Stops the running statement (safe from any thread) and every statement after it. */
    public void cancel() {
        cancelled = true;
        Statement s = current;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // the statement finished meanwhile: nothing left to stop
            }
        }
    }

    /** Allows statements to run again after {@link #cancel} (the REPL's next prompt). */
    public void resetCancel() {
        cancelled = false;
    }
}
