package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.litectl.testing.Cli;
import dev.litectl.testing.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationCommandsTest {
    @TempDir
    Path dir;

    private Cli cli() {
        return new Cli(dir);
    }

    @Test
    void initWithNoOptionsCreatesTheDefaultDatabaseWithTheBuiltinSchema() throws Exception {
        Cli.Result r = cli().run("init");
        assertEquals(0, r.code(), r.toString());
        Path db = dir.resolve("data/litectl.db");
        assertTrue(Files.isRegularFile(db));
        assertTrue(r.out().contains("created " + db), r.out());
        assertEquals("wal", Sqlite.text(db, "PRAGMA journal_mode"));
        assertEquals(8, Sqlite.scalar(db, "PRAGMA user_version"));
        List<String> objects = Sqlite.objects(db);
        for (String t : List.of("sessions", "messages", "tool_executions", "cache", "telemetry", "tasks", "audit_log", "metadata")) {
            assertTrue(objects.contains("table " + t), t + " missing: " + objects);
        }
        Cli.Result status = cli().run("migration-status");
        assertEquals(0, status.code(), status.toString());
        assertEquals(8, status.out().lines().filter(l -> l.contains(" applied ")).count(), status.out());
        assertTrue(cli().run("migration-status", "--check").code() == 0);
    }

    @Test
    void initRefusesAnExistingDatabaseUnlessIfNotExists() throws Exception {
        assertEquals(0, cli().run("init").code());
        Path db = dir.resolve("data/litectl.db");
        byte[] before = Files.readAllBytes(db);
        Cli.Result again = cli().run("init");
        assertEquals(1, again.code());
        assertEquals(1, again.errLines(), again.err());
        assertTrue(again.err().startsWith("litectl: init: ") && again.err().contains("--if-not-exists"), again.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)));
        assertEquals(0, cli().run("init", "--if-not-exists").code());
    }

    @Test
    void databaseComesFromLitectlDbThenDatabaseUrl() throws Exception {
        assertEquals(0, cli().env("DATABASE_URL", "sqlite:///./url/app.db").run("init").code());
        assertTrue(Files.exists(dir.resolve("url/app.db")));
        assertEquals(0, cli().env("DATABASE_URL", "sqlite:///./url/app.db").env("LITECTL_DB", "env.db").run("init").code());
        assertTrue(Files.exists(dir.resolve("env.db")));
        assertEquals(0, cli().env("LITECTL_DB", "env.db").run("--db", "opt.db", "init").code());
        assertTrue(Files.exists(dir.resolve("opt.db")));
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() throws Exception {
        assertEquals(0, cli().run("--db", "a.db", "migrate").code());
        assertEquals(0, cli().run("migrate", "--db", "b.db").code());
        assertTrue(Files.exists(dir.resolve("a.db")) && Files.exists(dir.resolve("b.db")));
    }

    @Test
    void builtinSchemaRoundTripsThroughRollbackAndMigrate() throws Exception {
        Path db = dir.resolve("rt.db");
        String d = db.toString();
        assertEquals(0, cli().run("--db", d, "migrate").code());
        List<String> full = Sqlite.objects(db);
        assertEquals(0, cli().run("--db", d, "rollback", "--steps", "3").code());
        assertEquals(5, Sqlite.scalar(db, "PRAGMA user_version"));
        assertEquals("ok", Sqlite.text(db, "PRAGMA integrity_check"));
        assertEquals(0, cli().run("--db", d, "rollback", "--to", "0").code());
        assertEquals(List.of("table litectl_migrations"), Sqlite.objects(db), "only the empty history table is left");
        assertEquals(0, Sqlite.scalar(db, "SELECT count(*) FROM litectl_migrations"));
        assertEquals(0, Sqlite.scalar(db, "PRAGMA user_version"));
        assertEquals("ok", Sqlite.text(db, "PRAGMA integrity_check"));
        assertEquals(0, cli().run("--db", d, "migrate").code());
        assertEquals(full, Sqlite.objects(db));
        assertEquals("ok", Sqlite.text(db, "PRAGMA integrity_check"));
    }

    @Test
    void testSchemaRoundTripsWithDataMigrations() throws Exception {
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.writeString(m.resolve("001-items.sql"), "-- migrate:up\nCREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);\n"
                + "-- migrate:down\nDROP TABLE items;\n");
        Files.writeString(m.resolve("002-seed.sql"), "-- migrate:up\nINSERT INTO items (name) VALUES ('a'), ('b');\n"
                + "-- migrate:down\nDELETE FROM items WHERE name IN ('a', 'b');\n");
        Files.writeString(m.resolve("003-index.sql"), "-- migrate:up\nCREATE INDEX idx_items_name ON items (name);\n"
                + "-- migrate:down\nDROP INDEX idx_items_name;\n");
        Path db = dir.resolve("t.db");
        String[] base = {"--db", db.toString(), "--migrations", m.toString()};
        assertEquals(0, cli().run(concat(base, "migrate")).code());
        assertEquals(2, Sqlite.scalar(db, "SELECT count(*) FROM items"));
        assertEquals(0, cli().run(concat(base, "rollback", "--steps", "2")).code());
        assertEquals(0, Sqlite.scalar(db, "SELECT count(*) FROM items"));
        assertEquals(0, cli().run(concat(base, "rollback", "--to", "0")).code());
        assertEquals(List.of("table litectl_migrations"), Sqlite.objects(db));
        assertEquals(0, cli().run(concat(base, "migrate", "--to", "2")).code());
        assertEquals(2, Sqlite.scalar(db, "PRAGMA user_version"));
        assertEquals(0, cli().run(concat(base, "migrate")).code());
        assertEquals(3, Sqlite.scalar(db, "PRAGMA user_version"));
        assertEquals("ok", Sqlite.text(db, "PRAGMA integrity_check"));
    }

    @Test
    void rollbackUsesTheDownSqlStoredAtApplyTimeEvenWhenTheFileIsGone() throws Exception {
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.writeString(m.resolve("001-a.sql"), "-- migrate:up\nCREATE TABLE a (x);\n-- migrate:down\nDROP TABLE a;\n");
        Path db = dir.resolve("s.db");
        assertEquals(0, cli().run("--db", db.toString(), "--migrations", m.toString(), "migrate").code());
        Files.delete(m.resolve("001-a.sql"));
        Cli.Result status = cli().run("--db", db.toString(), "--migrations", m.toString(), "migration-status");
        assertTrue(status.out().contains("missing"), status.out());
        assertEquals(0, cli().run("--db", db.toString(), "--migrations", m.toString(), "rollback").code());
        assertEquals(List.of("table litectl_migrations"), Sqlite.objects(db));
    }

    @Test
    void dryRunReportsErrorsAndWritesNothing() throws Exception {
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.writeString(m.resolve("001-a.sql"), "CREATE TABLE a (x);\n");
        Path db = dir.resolve("d.db");
        Cli.Result ok = cli().run("--db", db.toString(), "--migrations", m.toString(), "migrate", "--dry-run");
        assertEquals(0, ok.code(), ok.toString());
        assertFalse(Files.exists(db), "a dry run must not create the database");
        assertEquals(0, cli().run("--db", db.toString(), "--migrations", m.toString(), "migrate").code());
        Files.writeString(m.resolve("002-b.sql"), "INSERT INTO a VALUES (1);\nINSERT INTO nope VALUES (1);\n");
        byte[] before = Files.readAllBytes(db);
        Cli.Result bad = cli().run("--db", db.toString(), "--migrations", m.toString(), "migrate", "--dry-run");
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().contains("002-b.sql:2") && bad.err().contains("no such table: nope"), bad.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)));
        assertEquals(0, Sqlite.scalar(db, "SELECT count(*) FROM a"));
    }

    @Test
    void migrateBackupCopiesTheDatabaseBeforeTheFirstChange() throws Exception {
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.writeString(m.resolve("001-a.sql"), "CREATE TABLE a (x); INSERT INTO a VALUES (1);\n");
        Path db = dir.resolve("b.db");
        assertEquals(0, cli().run("--db", db.toString(), "--migrations", m.toString(), "migrate").code());
        Files.writeString(m.resolve("002-b.sql"), "DROP TABLE a;\n");
        Cli.Result r = cli().run("--db", db.toString(), "--migrations", m.toString(), "migrate", "--backup");
        assertEquals(0, r.code(), r.toString());
        Path backup;
        try (var s = Files.list(dir)) {
            List<Path> copies = s.filter(p -> p.getFileName().toString().startsWith("b.db.before-migrate-")).toList();
            assertEquals(1, copies.size(), "one backup file and nothing beside it: " + copies);
            backup = copies.get(0);
        }
        assertEquals(1, Sqlite.scalar(backup, "SELECT count(*) FROM a"));
        assertEquals(1, Sqlite.scalar(backup, "PRAGMA user_version"));
    }

    @Test
    void newWritesTheNextNumberedTemplate() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Cli.Result first = cli().run("new", "add-users");
        assertEquals(0, first.code(), first.toString());
        assertEquals(m.resolve("001-add-users.sql").toString(), first.out().strip());
        Cli.Result second = cli().run("new", "add_index");
        assertEquals(m.resolve("002-add_index.sql").toString(), second.out().strip());
        assertTrue(Files.readString(m.resolve("002-add_index.sql")).contains("-- migrate:down"));
        Cli.Result bad = cli().run("new", "../escape");
        assertEquals(2, bad.code());
    }

    @Test
    void newWithoutAMigrationsFolderStartsItFromTheBuiltinSchemaSoHistoryStaysApplied() throws Exception {
        assertEquals(0, cli().run("init").code());
        Cli.Result r = cli().run("new", "add-tags");
        assertEquals(0, r.code(), r.toString());
        assertEquals(dir.resolve("migrations/009-add-tags.sql").toString(), r.out().strip());
        assertTrue(r.err().contains("copied the built-in schema"), r.err());
        Files.writeString(dir.resolve("migrations/009-add-tags.sql"),
                "-- migrate:up\nCREATE TABLE tags (name TEXT PRIMARY KEY) STRICT;\n-- migrate:down\nDROP TABLE tags;\n");
        Cli.Result status = cli().run("migration-status", "--check");
        assertEquals(3, status.code(), status.toString());
        assertEquals(8, status.out().lines().filter(l -> l.contains(" applied ")).count(), status.out());
        assertEquals(0, cli().run("migrate").code());
        assertEquals(0, cli().run("migration-status", "--check").code());
    }

    @Test
    void migrationStatusJsonHasTheDocumentedShape() throws Exception {
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.writeString(m.resolve("001-a.sql"), "-- migrate:up\nCREATE TABLE a (x);\n-- migrate:down\nDROP TABLE a;\n");
        Files.writeString(m.resolve("002-b.sql"), "CREATE TABLE b (x);\n");
        Path db = dir.resolve("j.db");
        assertEquals(0, cli().run("--db", db.toString(), "--migrations", m.toString(), "migrate", "--to", "1").code());
        Cli.Result r = cli().run("--db", db.toString(), "--migrations", m.toString(), "migration-status", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(db.toString(), root.get("database").asText());
        assertEquals(1, root.get("version").asLong());
        JsonNode first = root.get("migrations").get(0);
        assertEquals(1, first.get("version").asLong());
        assertEquals("a", first.get("name").asText());
        assertEquals("applied", first.get("state").asText());
        assertTrue(first.get("applied_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), first.toString());
        assertTrue(first.get("duration_ms").isIntegralNumber());
        JsonNode second = root.get("migrations").get(1);
        assertEquals("pending", second.get("state").asText());
        assertTrue(second.get("applied_at").isNull());
        assertTrue(second.get("duration_ms").isNull());
        Cli.Result check = cli().run("--db", db.toString(), "--migrations", m.toString(), "migration-status", "--check");
        assertEquals(3, check.code());
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
