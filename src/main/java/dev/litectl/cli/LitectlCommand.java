package dev.litectl.cli;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.query.OutputFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What every subcommand shares: the global options, the context, output streams, opening the database. */
@Command(mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
abstract class LitectlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    Main main() {
        return (Main) spec.root().userObject();
    }

    GlobalOptions globals() {
        return main().globals();
    }

    CliContext context() {
        return main().context();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A note for the user on stderr, unless --quiet. */
    void note(String message) {
        if (!globals().quiet) {
            err().println(message);
        }
    }

    Path databasePath() {
        return DatabaseLocation.database(globals().db, context());
    }

    Database open(OpenMode mode) {
        return Database.open(databasePath(), mode, busyTimeoutMs());
    }

    int busyTimeoutMs() {
        Integer t = globals().busyTimeout;
        if (t != null && t < 0) {
            throw usage("--busy-timeout must be 0 or more milliseconds, not " + t);
        }
        return globals().busyTimeoutMs();
    }

    /** The migrations folder, or null for the built-in schema. */
    Path migrationsDir() {
        return DatabaseLocation.migrations(globals().migrations, context());
    }

    MigrationSource migrationSource() {
        Path dir = migrationsDir();
        return dir == null ? MigrationSource.builtin() : MigrationSource.directory(dir);
    }

    /** The report format: table (text) or json; any other format is a usage error for a report. */
    boolean jsonReport() {
        OutputFormat f = globals().format;
        if (f == null || f == OutputFormat.TABLE) {
            return false;
        }
        if (f == OutputFormat.JSON) {
            return true;
        }
        throw usage("--format " + f.label() + " is not available for " + spec.name() + " (use table or json)");
    }

    void printJson(Object value) {
        out().println(Json.write(value));
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
