package dev.litectl.migrate;

import java.nio.file.Path;

/**
 * Options of {@link Migrator#migrate}: apply up to {@code targetVersion} (null: all), only try it
 * ({@code dryRun}), and copy the database to {@code backupTo} before the first change (null: no copy).
 */
public record MigrateOptions(Long targetVersion, boolean dryRun, Path backupTo) {
    public static MigrateOptions all() {
        return new MigrateOptions(null, false, null);
    }
}
