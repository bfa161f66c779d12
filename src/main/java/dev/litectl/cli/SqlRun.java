package dev.litectl.cli;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.db.OperationInterruptedException;
import dev.litectl.db.SqlScript;
import dev.litectl.db.SqlStatement;
import dev.litectl.db.SqliteErrors;
import dev.litectl.query.FormatOptions;
import dev.litectl.query.OutputFormat;
import dev.litectl.query.QueryPlan;
import dev.litectl.query.QueryRunner;
import dev.litectl.query.ResultWriter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.TreeSet;

/** Runs a SQL script for {@code query} and for {@code litectl < script.sql}: open, bind, stream, time out. */
final class SqlRun {
    /** Where the SQL came from, for error messages: "argument", "stdin" or the file as given. */
    String source = "argument";
    String sql = "";
    Map<String, String> params = Map.of();
    boolean readOnly;
    Double timeoutSeconds;
    boolean explain;
    boolean headers = true;
    OutputFormat format;

    /** Runs stdin as a script (litectl or litectl repl with stdin not a terminal), without loading JLine. */
    static int stdinScript(CliContext ctx, GlobalOptions globals, boolean readOnly, PrintWriter out) {
        SqlRun run = new SqlRun();
        run.source = "stdin";
        run.sql = QueryCommand.readStdin(ctx.in());
        run.format = QueryCommand.format(globals.format, ctx);
        run.readOnly = readOnly;
        return run.run(DatabaseLocation.database(globals.db, ctx), globals.busyTimeoutMs(), out);
    }

    /** Runs it; throws LitectlException (exit 1), OperationInterruptedException (130) or IllegalArgumentException (usage). */
    int run(Path database, int busyTimeoutMs, PrintWriter out) {
        List<SqlStatement> statements = SqlScript.split(sql);
        checkParametersUsed(statements);
        if (timeoutSeconds != null && !(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("--timeout must be a number of seconds above 0, not " + timeoutSeconds);
        }
        try (Database db = Database.open(database, readOnly ? OpenMode.READ_ONLY : OpenMode.READ_WRITE, busyTimeoutMs)) {
            QueryRunner runner = new QueryRunner(db);
            if (explain) {
                explain(runner, statements, out);
                return ExitCodes.OK;
            }
            OutputStream bytes = StdoutWriter.bytesOf(out);
            FormatOptions options = FormatOptions.DEFAULT.withHeaders(headers);
            ResultWriter writer = bytes != null ? ResultWriter.create(format, bytes, options)
                    : ResultWriter.create(format, out, options);
            Timer timer = timeoutSeconds == null ? null : startTimer(runner);
            try {
                runner.runScript("query: " + source, statements, params, writer);
            } catch (UncheckedIOException e) {
                if (isBrokenPipe(e)) {
                    // the reader went away (| head): stop quietly, as a shell tool killed by SIGPIPE would
                    return ExitCodes.OK;
                }
                throw e;
            } catch (OperationInterruptedException e) {
                if (timer != null) {
                    throw new OperationInterruptedException("query: " + source + ": stopped by --timeout after "
                            + seconds(timeoutSeconds) + " s", e);
                }
                throw e;
            } finally {
                if (timer != null) {
                    timer.cancel();
                }
            }
            return ExitCodes.OK;
        }
    }

    private static boolean isBrokenPipe(UncheckedIOException e) {
        String m = e.getCause() == null ? null : e.getCause().getMessage();
        return m != null && m.contains("Broken pipe");
    }

    private Timer startTimer(QueryRunner runner) {
        Timer timer = new Timer("litectl-query-timeout", true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                runner.cancel();
            }
        }, Math.max(1L, Math.round(timeoutSeconds * 1000)));
        return timer;
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    private void explain(QueryRunner runner, List<SqlStatement> statements, PrintWriter out) {
        for (SqlStatement st : statements) {
            try {
                QueryPlan plan = runner.explain(st.sql(), params);
                for (String line : plan.tree()) {
                    out.println(line);
                }
            } catch (SQLException e) {
                throw SqliteErrors.translate("query: " + source + ":" + st.line(), e);
            }
        }
        out.flush();
    }

    private void checkParametersUsed(List<SqlStatement> statements) {
        if (params.isEmpty()) {
            return;
        }
        Set<String> used = new TreeSet<>();
        for (SqlStatement st : statements) {
            used.addAll(QueryRunner.parameterKeys(st.sql()));
        }
        for (String key : params.keySet()) {
            if (!used.contains(key)) {
                throw new IllegalArgumentException("--param " + key + ": the SQL has no parameter " + describe(key));
            }
        }
    }

    private static String describe(String key) {
        return key.chars().allMatch(Character::isDigit) ? "?" + key : ":" + key + ", @" + key + " or $" + key;
    }
}
