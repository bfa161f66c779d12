package dev.litectl.bench;

import org.flywaydb.core.Flyway;

/** The Flyway side of scripts/bench migrate: one process that applies a folder of migrations to a SQLite file. */
public final class FlywayMigrateBench {
    private FlywayMigrateBench() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: FlywayMigrateBench DB_FILE MIGRATIONS_DIR");
            System.exit(2);
        }
        var result = Flyway.configure()
                .dataSource("jdbc:sqlite:" + args[0], null, null)
                .locations("filesystem:" + args[1])
                .load()
                .migrate();
        System.out.println("flyway applied " + result.migrationsExecuted);
    }
}
