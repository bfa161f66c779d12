package dev.litectl.migrate;

/**
 * Options of {@link Migrator#migrate}: apply up to {@code targetVersion} (null: all), only try it
 * ({@code dryRun}), and run {@code beforeFirstChange} (null: nothing) once pending migrations are known and
 * before the first of them is applied; the CLI takes its {@code --backup} there. If it throws, nothing is applied.
 */
public record MigrateOptions(Long targetVersion, boolean dryRun, Runnable beforeFirstChange) {
    public static MigrateOptions all() {
        return new MigrateOptions(null, false, null);
    }
}
