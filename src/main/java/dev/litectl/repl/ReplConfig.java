package dev.litectl.repl;

import dev.litectl.migrate.MigrationSource;
import dev.litectl.query.OutputFormat;
import java.nio.file.Path;

/**
 * What the REPL needs from the command line: the database (which must exist), whether to open it read-only,
 * the busy timeout, the migration source for {@code .migrations}, the starting output format, whether to
 * colour, and the history file (null for no history).
 */
public record ReplConfig(Path database, boolean readOnly, int busyTimeoutMs, MigrationSource migrations,
                         OutputFormat format, boolean color, Path historyFile) {
}
