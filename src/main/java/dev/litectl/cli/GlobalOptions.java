package dev.litectl.cli;

import dev.litectl.db.Database;
import dev.litectl.query.OutputFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command accepts, before or after the command name (DESIGN.md, "Global options"). */
public final class GlobalOptions {
    @Option(names = "--db", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Database file (default: $LITECTL_DB, else DATABASE_URL=sqlite:///path, else ./data/litectl.db).")
    String db;

    @Option(names = "--migrations", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Migrations folder (default: $LITECTL_MIGRATIONS, else ./migrations if it exists, else the built-in schema).")
    String migrations;

    @Option(names = "--format", paramLabel = "FMT", scope = ScopeType.INHERIT,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table on a terminal; csv for query otherwise).")
    OutputFormat format;

    @Option(names = "--busy-timeout", paramLabel = "MS", scope = ScopeType.INHERIT,
            description = "How long to wait for another writer, in milliseconds (default: 5000).")
    Integer busyTimeout;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show detail and stack traces.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print nothing but results and errors.")
    boolean quiet;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour the output.")
    boolean noColor;

    int busyTimeoutMs() {
        return busyTimeout == null ? Database.DEFAULT_BUSY_TIMEOUT_MS : busyTimeout;
    }
}
