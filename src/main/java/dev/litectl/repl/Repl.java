package dev.litectl.repl;

import dev.litectl.db.Database;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqlScript;
import dev.litectl.db.SqlStatement;
import dev.litectl.db.SqliteErrors;
import dev.litectl.query.FormatOptions;
import dev.litectl.query.OutputFormat;
import dev.litectl.query.QueryRunner;
import dev.litectl.query.ResultWriter;
import dev.litectl.query.StatementResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive shell: reads statements (several lines until ';') and dot-commands with JLine, runs them on
 * one open database and prints the rows. Ctrl-C stops the running statement and returns to the prompt;
 * Ctrl-C on the prompt clears the line; Ctrl-D leaves. An error is printed and the session goes on.
 */
public final class Repl implements AutoCloseable {
    static final String PROMPT = "litectl> ";
    static final String CONTINUATION = "   ...> ";
    private static final Set<String> DDL = Set.of("CREATE", "DROP", "ALTER");

    final Terminal terminal;
    final ReplConfig config;
    final Database db;
    final QueryRunner runner;
    final Schema schema;
    final LineReader reader;
    private final DotCommands dot;
    OutputFormat format;
    boolean headers = true;
    boolean timer;
    /** Where results go instead of the terminal (.output / .once), or null. */
    OutputStream redirect;
    boolean redirectOnce;
    boolean quit;

    /** Opens the database of {@code config} and prepares the reader on {@code terminal}; throws LitectlException. */
    public Repl(Terminal terminal, ReplConfig config) {
        this.terminal = terminal;
        this.config = config;
        this.db = Database.open(config.database(), config.readOnly() ? OpenMode.READ_ONLY : OpenMode.READ_WRITE,
                config.busyTimeoutMs());
        this.runner = new QueryRunner(db);
        this.schema = new Schema(db);
        this.format = config.format();
        this.dot = new DotCommands(this);
        schema.reload();
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("litectl")
                .parser(new SqlLineParser())
                .completer(new SqlCompleter(schema))
                .highlighter(new SqlHighlighter(config.color()))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.BLINK_MATCHING_PAREN, 0)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false);
        if (config.historyFile() != null) {
            b.variable(LineReader.HISTORY_FILE, config.historyFile());
        }
        this.reader = b.build();
    }

    /** Runs the REPL on the process's terminal until Ctrl-D or .quit; returns the exit code. */
    public static int start(ReplConfig config) {
        try (Terminal t = TerminalBuilder.builder().system(true).name("litectl").build(); Repl r = new Repl(t, config)) {
            return r.loop();
        } catch (IOException e) {
            throw new LitectlException("repl: cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /** Reads and runs input until Ctrl-D or .quit; returns 0. */
    public int loop() {
        PrintWriter w = terminal.writer();
        w.println("litectl " + db.path() + (config.readOnly() ? " (read-only)" : "") + ": .help for commands, Ctrl-D to leave");
        w.flush();
        while (!quit) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            execute(line);
        }
        saveHistory();
        return 0;
    }

    /** Runs one entry: a dot-command or SQL statements. */
    void execute(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return;
        }
        if (t.startsWith(".")) {
            dot.run(t);
        } else {
            runSql(line, null);
        }
    }

    /**
     * Runs the statements of {@code sql}, stopping at the first error; {@code where} names a file for errors
     * (null for typed input). Returns false if one failed.
     */
    boolean runSql(String sql, String where) {
        List<SqlStatement> statements = SqlScript.split(sql);
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> runner.cancel());
        try {
            for (SqlStatement st : statements) {
                if (!runStatement(st, where)) {
                    return false;
                }
            }
            return true;
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            runner.resetCancel();
            if (redirectOnce) {
                endRedirect();
            }
        }
    }

    private boolean runStatement(SqlStatement st, String where) {
        try {
            StatementResult r = runner.run(st.sql(), Map.of(), writer());
            if (DDL.contains(st.leadingWords(1))) {
                schema.reload();
            }
            if (timer) {
                terminal.writer().printf("Run Time: %.3f s%n", r.elapsedNanos() / 1e9);
            }
            return true;
        } catch (SQLException e) {
            if (SqliteErrors.primaryCode(e) == SqliteErrors.INTERRUPT) {
                error("interrupted");
            } else if (where != null) {
                error(where + ":" + st.line() + ": " + SqliteErrors.message(e));
            } else {
                error((st.line() > 1 ? "line " + st.line() + ": " : "") + SqliteErrors.message(e));
            }
        } catch (LitectlException | UncheckedIOException e) {
            error(e.getMessage());
        }
        terminal.writer().flush();
        return false;
    }

    /** A writer on the current output: the terminal (cut to its width) or the .output/.once file. */
    ResultWriter writer() {
        FormatOptions options = FormatOptions.DEFAULT.withHeaders(headers);
        if (redirect != null) {
            return ResultWriter.create(format, redirect, options);
        }
        return ResultWriter.create(format, terminal.writer(), options.withMaxWidth(Math.max(0, terminal.getWidth())));
    }

    void endRedirect() {
        if (redirect != null) {
            try {
                redirect.close();
            } catch (IOException e) {
                error("cannot close the output file: " + e.getMessage());
            }
        }
        redirect = null;
        redirectOnce = false;
    }

    /** Prints an error line (red on a colour terminal); the session goes on. */
    void error(String message) {
        String text = "Error: " + message;
        if (config.color()) {
            terminal.writer().println(new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED))
                    .toAnsi(terminal));
        } else {
            terminal.writer().println(text);
        }
        terminal.writer().flush();
    }

    void print(String text) {
        terminal.writer().println(text);
        terminal.writer().flush();
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            error("cannot save the history: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        endRedirect();
        db.close();
    }
}
