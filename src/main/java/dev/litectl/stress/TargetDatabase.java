package dev.litectl.stress;

import dev.litectl.db.Database;
import dev.litectl.db.DatabaseFile;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import dev.litectl.migrate.SchemaVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The database a run works on: a fresh temporary one with the built-in schema, a temporary copy of the user's
 * (taken with the online-backup API, so the original is only read), or the user's own file in place. The
 * user's database must hold the built-in agent schema; that is checked before anything is written.
 */
final class TargetDatabase implements AutoCloseable {
    private final Path path;
    private final Path tempDir;

    private TargetDatabase(Path path, Path tempDir) {
        this.path = path;
        this.tempDir = tempDir;
    }

    static TargetDatabase prepare(Path source, boolean inPlace, int busyTimeoutMs) {
        if (source != null) {
            requireAgentSchema(source, inPlace, busyTimeoutMs);
            if (inPlace) {
                return new TargetDatabase(source, null);
            }
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("litectl-stress-");
        } catch (IOException e) {
            throw new LitectlException("stress-test: cannot create a temporary folder: " + e.getMessage(), e);
        }
        Path copy = dir.resolve("stress.db");
        TargetDatabase target = new TargetDatabase(copy, dir);
        try {
            if (source == null) {
                try (Database db = Database.open(copy, OpenMode.CREATE, busyTimeoutMs)) {
                    new Migrator(db, MigrationSource.builtin()).migrate();
                }
            } else {
                try (Database db = openForReading(source, busyTimeoutMs)) {
                    db.backupTo(copy);
                } catch (SQLException e) {
                    throw SqliteErrors.translate("stress-test: cannot copy " + source, e);
                }
            }
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    /** Refuses {@code source} unless it holds every table, index, view and trigger of the built-in schema. */
    static void requireAgentSchema(Path source, boolean writable, int busyTimeoutMs) {
        DatabaseFile.checkOpenable(source, writable ? OpenMode.READ_WRITE : OpenMode.READ_ONLY);
        try (Database db = openForReading(source, busyTimeoutMs)) {
            var v = SchemaVerifier.verify(db, MigrationSource.builtin().load());
            if (!v.missing().isEmpty()) {
                String missing = v.missing().stream().filter(o -> o.type().equals("table")).map(SchemaVerifier.SchemaObject::name)
                        .limit(5).collect(Collectors.joining(", "));
                throw new LitectlException("stress-test: " + source + " does not have the built-in agent schema (missing "
                        + (missing.isEmpty() ? v.missing().size() + " indexes, views or triggers" : "tables " + missing)
                        + "); run it without --db for a fresh database, or create one with litectl init");
            }
        }
    }

    /**
     * Opens the user's database to read it. A writable file is opened read-write with {@code query_only}, because
     * a read-only connection to a WAL database leaves its {@code -wal} and {@code -shm} files behind on close.
     */
    private static Database openForReading(Path source, int busyTimeoutMs) {
        try {
            DatabaseFile.checkOpenable(source, OpenMode.READ_WRITE);
        } catch (LitectlException notWritable) {
            return Database.open(source, OpenMode.READ_ONLY, busyTimeoutMs);
        }
        Database db = Database.open(source, OpenMode.READ_WRITE, busyTimeoutMs);
        try {
            db.execute("PRAGMA query_only = 1");
            return db;
        } catch (SQLException e) {
            db.close();
            throw SqliteErrors.translate("stress-test: cannot read " + source, e);
        }
    }

    Path path() {
        return path;
    }

    boolean temporary() {
        return tempDir != null;
    }

    @Override
    public void close() {
        if (tempDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(tempDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless; the run's result matters more
        }
    }
}
