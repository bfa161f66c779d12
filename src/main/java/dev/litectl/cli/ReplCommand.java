package dev.litectl.cli;

import dev.litectl.query.OutputFormat;
import dev.litectl.repl.Repl;
import dev.litectl.repl.ReplConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "repl",
        description = "The interactive SQL shell: history, multi-line statements, schema-aware completion, dot-commands.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl repl",
            "  litectl --db app.db repl --read-only",
            "",
            "History is kept in $LITECTL_HISTORY, else ~/.litectl_history. Type .help inside for the dot-commands."
        })
final class ReplCommand extends LitectlCommand {
    @Option(names = "--read-only", description = "Open the database (and anything it attaches) read-only.")
    boolean readOnly;

    /** On a terminal the REPL; with stdin not a terminal, stdin runs as a script and JLine is never loaded. */
    @Override
    public Integer call() {
        if (!context().stdinIsTerminal()) {
            return SqlRun.stdinScript(context(), globals(), readOnly, out());
        }
        out().flush();
        return start(context(), globals(), readOnly);
    }

    /** Starts the REPL on the process's terminal; the only path that loads JLine. */
    static int start(CliContext ctx, GlobalOptions globals, boolean readOnly) {
        Path db = DatabaseLocation.database(globals.db, ctx);
        Path migrations = DatabaseLocation.migrations(globals.migrations, ctx);
        boolean color = !globals.noColor && ctx.stdoutIsTerminal() && !ctx.env().containsKey("NO_COLOR");
        ReplConfig config = new ReplConfig(db, readOnly, globals.busyTimeoutMs(),
                migrations == null ? dev.litectl.migrate.MigrationSource.builtin()
                        : dev.litectl.migrate.MigrationSource.directory(migrations),
                globals.format == null ? OutputFormat.TABLE : globals.format, color, historyFile(ctx));
        return Repl.start(config);
    }

    /** $LITECTL_HISTORY, else ~/.litectl_history; an empty LITECTL_HISTORY turns history off. */
    static Path historyFile(CliContext ctx) {
        String h = ctx.env().get("LITECTL_HISTORY");
        if (h != null) {
            return h.isBlank() ? null : ctx.resolve(h);
        }
        String home = ctx.env().getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".litectl_history");
    }
}
