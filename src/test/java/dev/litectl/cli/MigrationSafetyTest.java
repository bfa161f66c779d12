package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.testing.Cli;
import dev.litectl.testing.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Foreign-key handling during migrations, and every kind of bad input: refused clearly, database untouched. */
class MigrationSafetyTest {
    @TempDir
    Path dir;
    Path m;
    Path db;

    @BeforeEach
    void setUp() throws Exception {
        m = Files.createDirectories(dir.resolve("m"));
        db = dir.resolve("app.db");
    }

    private Cli.Result run(String... args) {
        return new Cli(dir).run(MigrationCommandsTest.concat(new String[] {"--db", db.toString(), "--migrations", m.toString()}, args));
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(m.resolve(name), text);
    }

    /** One line on stderr starting "litectl: ", no stack trace. */
    private static void assertOneLineError(Cli.Result r, int code, String... fragments) {
        assertEquals(code, r.code(), r.toString());
        assertEquals(1, r.errLines(), r.toString());
        assertTrue(r.err().startsWith("litectl: "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' not in: " + r.err());
        }
    }

    private void parentAndChildren() throws Exception {
        write("001-parent.sql", "-- migrate:up\nCREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n"
                + "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE);\n"
                + "INSERT INTO parent VALUES (1, 'a'), (2, 'b');\nINSERT INTO child VALUES (10, 1), (11, 1), (12, 2);\n"
                + "-- migrate:down\nDROP TABLE child;\nDROP TABLE parent;\n");
        assertEquals(0, run("migrate").code());
    }

    @Test
    void rebuildingAParentTableKeepsEveryChildRow() throws Exception {
        parentAndChildren();
        write("002-rebuild.sql", "-- migrate:up\nCREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, extra TEXT);\n"
                + "INSERT INTO parent_new (id, name) SELECT id, name FROM parent;\nDROP TABLE parent;\n"
                + "ALTER TABLE parent_new RENAME TO parent;\n-- migrate:down\nSELECT 1;\n");
        Cli.Result r = run("migrate");
        assertEquals(0, r.code(), r.toString());
        assertEquals(3, Sqlite.scalar(db, "SELECT count(*) FROM child"), "the DROP must not cascade into child rows");
        assertEquals(0, Sqlite.scalar(db, "SELECT count(*) FROM pragma_foreign_key_check"));
    }

    @Test
    void foreignKeysOnOptsADataMigrationIntoCascades() throws Exception {
        parentAndChildren();
        write("002-purge.sql", "-- migrate:up foreign-keys on\nDELETE FROM parent WHERE id = 1;\n");
        assertEquals(0, run("migrate").code());
        assertEquals(1, Sqlite.scalar(db, "SELECT count(*) FROM child"));
    }

    @Test
    void aMigrationThatLeavesAnOrphanIsRolledBackNamingTheViolation() throws Exception {
        parentAndChildren();
        write("002-orphan.sql", "-- migrate:up\nCREATE TABLE log (x);\nDELETE FROM parent WHERE id = 2;\n");
        Cli.Result r = run("migrate");
        assertOneLineError(r, 1, "002-orphan.sql", "foreign key violation", "child rowid 12 -> parent", "rolled back");
        assertEquals(1, Sqlite.scalar(db, "PRAGMA user_version"));
        assertEquals(0, Sqlite.scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'log'"));
        assertEquals(2, Sqlite.scalar(db, "SELECT count(*) FROM parent"));
    }

    @Test
    void violationsThatExistedBeforeDoNotBlockAnUnrelatedMigration() throws Exception {
        parentAndChildren();
        Sqlite.exec(db, "PRAGMA foreign_keys = OFF", "INSERT INTO child VALUES (99, 42)");
        write("002-unrelated.sql", "CREATE TABLE other (x);\n");
        Cli.Result r = run("migrate");
        assertEquals(0, r.code(), r.toString());
        assertEquals(2, Sqlite.scalar(db, "PRAGMA user_version"));
    }

    @Test
    void pragmaForeignKeysInATransactionalMigrationIsRefusedBeforeTouchingTheDatabase() throws Exception {
        parentAndChildren();
        write("002-pragma.sql", "-- migrate:up\nPRAGMA foreign_keys = OFF;\nDROP TABLE parent;\n");
        byte[] before = Files.readAllBytes(db);
        assertOneLineError(run("migrate"), 1, "002-pragma.sql:2", "foreign_keys");
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void misspelledMarkerIsRefusedAndNothingIsApplied() throws Exception {
        write("001-a.sql", "-- migrate:up\nCREATE TABLE a (x);\n-- migrate:dwon\nDROP TABLE a;\n");
        assertOneLineError(run("migrate"), 1, "001-a.sql:3", "migrate:dwon");
        assertFalse(Files.exists(db));
    }

    @Test
    void malformedSqlNamesFileAndLineAndKeepsEarlierMigrations() throws Exception {
        write("001-good.sql", "CREATE TABLE good (x);\n");
        write("002-bad.sql", "-- migrate:up\nCREATE TABLE half (x);\n\nCREAT TABLE oops (y);\n");
        write("003-later.sql", "CREATE TABLE later (x);\n");
        Cli.Result r = run("migrate");
        assertOneLineError(r, 1, "002-bad.sql:4", "syntax error");
        assertEquals(1, Sqlite.scalar(db, "PRAGMA user_version"));
        assertEquals(1, Sqlite.scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'good'"));
        assertEquals(0, Sqlite.scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('half', 'later')"));
        assertEquals(1, Sqlite.scalar(db, "SELECT count(*) FROM litectl_migrations"));
    }

    @Test
    void duplicateVersionsAreRefusedBeforeTouchingTheDatabase() throws Exception {
        write("001-a.sql", "CREATE TABLE a (x);\n");
        write("001-b.sql", "CREATE TABLE b (x);\n");
        assertOneLineError(run("migrate"), 1, "duplicate migration version 1", "001-a.sql", "001-b.sql");
        assertFalse(Files.exists(db));
    }

    @Test
    void aMigrationEditedAfterItWasAppliedIsModifiedAndBlocksMigrate() throws Exception {
        write("001-a.sql", "CREATE TABLE a (x);\n");
        assertEquals(0, run("migrate").code());
        write("001-a.sql", "CREATE TABLE a (x, y);\n");
        write("002-b.sql", "CREATE TABLE b (x);\n");
        assertTrue(run("migration-status").out().contains("modified"));
        assertEquals(3, run("migration-status", "--check").code());
        byte[] before = Files.readAllBytes(db);
        assertOneLineError(run("migrate"), 1, "001-a", "changed after it was applied");
        assertArrayEquals(before, Files.readAllBytes(db));
        write("001-a.sql", "CREATE TABLE a (x);\r\n\r\n");
        assertEquals(0, run("migrate").code(), "line endings and trailing blanks do not count as a change");
    }

    @Test
    void rollbackOverAMigrationWithoutDownStopsBeforeUndoingAnything() throws Exception {
        write("001-a.sql", "CREATE TABLE a (x);\n");
        write("002-b.sql", "-- migrate:up\nCREATE TABLE b (x);\n-- migrate:down\nDROP TABLE b;\n");
        assertEquals(0, run("migrate").code());
        byte[] before = Files.readAllBytes(db);
        assertOneLineError(run("rollback", "--steps", "2"), 1, "cannot roll back 1-a", "no down section");
        assertArrayEquals(before, Files.readAllBytes(db));
        assertEquals(2, Sqlite.scalar(db, "PRAGMA user_version"));
    }

    @Test
    void rollbackWithNothingAppliedIsAClearError() throws Exception {
        write("001-a.sql", "CREATE TABLE a (x);\n");
        assertEquals(0, run("migrate", "--to", "0").code());
        assertOneLineError(run("rollback"), 1, "no migrations have been applied");
        assertOneLineError(run("rollback", "--steps", "0"), 2, "--steps");
    }

    @Test
    void aDirectoryAsDatabaseIsRefused() throws Exception {
        write("001-a.sql", "CREATE TABLE a (x);\n");
        db = Files.createDirectories(dir.resolve("adir"));
        assertOneLineError(run("migrate"), 1, "is a directory");
    }

    @Test
    void aTextFileAsDatabaseIsRefusedAndLeftAlone() throws Exception {
        write("001-a.sql", "CREATE TABLE a (x);\n");
        db = dir.resolve("notes.txt");
        Files.writeString(db, "these are my notes, not a database\n");
        byte[] before = Files.readAllBytes(db);
        assertOneLineError(run("migrate"), 1, "not a SQLite database");
        assertOneLineError(run("migration-status"), 1, "not a SQLite database");
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void aReadOnlyDatabaseIsRefusedAndLeftAlone() throws Exception {
        write("001-a.sql", "CREATE TABLE a (x);\n");
        assertEquals(0, run("migrate").code());
        write("002-b.sql", "CREATE TABLE b (x);\n");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(db);
        assertOneLineError(run("migrate"), 1, "read-only");
        assertArrayEquals(before, Files.readAllBytes(db));
        assertEquals(0, run("migration-status").code(), "reading a read-only database still works");
    }

    @Test
    void aDatabaseInAMissingFolderIsRefusedByReadersAndCreatedByMigrate() throws Exception {
        write("001-a.sql", "CREATE TABLE a (x);\n");
        db = dir.resolve("no/such/folder/app.db");
        assertOneLineError(run("migration-status"), 1, "no such database file");
        assertFalse(Files.exists(dir.resolve("no")), "a reader must not create anything");
        assertEquals(0, run("migrate").code());
        assertTrue(Files.exists(db));
    }

    @Test
    void aMissingMigrationsFolderIsAClearError() throws Exception {
        m = dir.resolve("nowhere");
        assertOneLineError(run("migrate"), 1, "migrations folder", "no such directory");
        assertFalse(Files.exists(db));
    }

    @Test
    void badOptionValuesAreUsageErrors() throws Exception {
        assertOneLineError(run("migrate", "--to", "abc"), 2, "--to");
        assertOneLineError(run("--busy-timeout", "-5", "migrate"), 2, "--busy-timeout");
        assertOneLineError(run("migrate", "--frobnicate"), 2, "--frobnicate");
        assertOneLineError(run("rollback", "--steps", "1", "--to", "0"), 2, "mutually exclusive");
    }
}
