package dev.litectl.store;

import dev.litectl.db.Database;
import dev.litectl.db.DatabasePool;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import java.nio.file.Path;

/** A database built by the built-in migrations, opened as a pool with an AgentStore over it. */
final class StoreFixture {
    private StoreFixture() {}

    static Path migrated(Path dir) {
        Path path = dir.resolve("agent.db");
        try (Database db = Database.open(path)) {
            new Migrator(db, MigrationSource.builtin()).migrate();
        }
        return path;
    }

    static Path migratedPath(Path dir) {
        return dir.resolve("agent.db");
    }

    static DatabasePool pool(Path dir) {
        return DatabasePool.open(migrated(dir));
    }
}
