package dev.litectl.cli;

import dev.litectl.db.LitectlException;
import dev.litectl.query.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query",
        description = "Run SQL (argument, --file or stdin) and stream the rows of each statement in --format.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl query 'SELECT id, name FROM sessions LIMIT 5'",
            "  litectl query --format json --param id=42 'SELECT * FROM messages WHERE session_id = :id'",
            "  litectl query --file report.sql --read-only --timeout 30 > report.csv",
            "  litectl query --explain 'SELECT * FROM messages WHERE session_id = 1'",
            "",
            "Default format: table on a terminal, csv otherwise. --timeout stops with exit code 130."
        })
final class QueryCommand extends LitectlCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SQL", description = "The SQL to run (default: --file, else stdin).")
    String sql;

    @Option(names = "--file", paramLabel = "F", description = "Read the SQL from this file.")
    String file;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Bind :NAME, @NAME or $NAME (or ?N for NAME=N); decimal integers bind as INTEGER, anything else as TEXT.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--read-only", description = "Open the database (and anything it attaches) read-only.")
    boolean readOnly;

    @Option(names = "--timeout", paramLabel = "S", description = "Stop a statement after S seconds (exit code 130).")
    Double timeout;

    @Option(names = "--explain", description = "Print the EXPLAIN QUERY PLAN of each statement as a tree instead of running it.")
    boolean explain;

    @Option(names = "--no-header", description = "Leave out the header row.")
    boolean noHeader;

    @Override
    public Integer call() {
        SqlRun run = new SqlRun();
        if (sql != null && file != null) {
            throw usage("give the SQL as an argument or with --file, not both");
        }
        if (sql != null) {
            run.source = "argument";
            run.sql = sql;
        } else if (file != null) {
            run.source = file;
            run.sql = readFile(context().resolve(file), file);
        } else if (context().stdinIsTerminal()) {
            throw usage("no SQL given: pass it as an argument, with --file, or on stdin");
        } else {
            run.source = "stdin";
            run.sql = readStdin(context().in());
        }
        run.params = params;
        run.readOnly = readOnly;
        run.timeoutSeconds = timeout;
        run.explain = explain;
        run.headers = !noHeader;
        run.format = format(globals().format, context());
        try {
            return run.run(databasePath(), busyTimeoutMs(), out());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** --format, else table on a terminal and csv otherwise. */
    static OutputFormat format(OutputFormat chosen, CliContext ctx) {
        return chosen != null ? chosen : ctx.stdoutIsTerminal() ? OutputFormat.TABLE : OutputFormat.CSV;
    }

    static String readFile(Path path, String given) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LitectlException("query: cannot read " + given + ": no such file");
        } catch (IOException e) {
            throw new LitectlException("query: cannot read " + given + ": " + e.getMessage(), e);
        }
    }

    static String readStdin(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LitectlException("query: cannot read stdin: " + e.getMessage(), e);
        }
    }
}
