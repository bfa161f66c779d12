package dev.litectl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.testing.Cli;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;
    Path migrations;
    Path db;

    @BeforeEach
    void managedDatabase() throws Exception {
        migrations = Files.createDirectory(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("001-parents.sql"), "-- migrate:up\nCREATE TABLE parent(id INTEGER PRIMARY KEY, name TEXT);\n"
                + "-- migrate:down\nDROP TABLE parent;\n");
        Files.writeString(migrations.resolve("002-children.sql"), "-- migrate:up\n"
                + "CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id), payload BLOB);\n"
                + "-- migrate:down\nDROP TABLE child;\n");
        db = dir.resolve("app.db");
        Cli.Result init = new Cli(dir).run("--db", db.toString(), "migrate");
        assertEquals(0, init.code(), init.toString());
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("INSERT INTO parent(id, name) VALUES (1, 'a'), (2, 'b')");
            d.execute("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000) "
                    + "INSERT INTO child(parent_id, payload) SELECT 1 + i % 2, randomblob(150) FROM c");
            d.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private Cli.Result check(Path database, String... extra) {
        List<String> a = new ArrayList<>(List.of("--db", database.toString(), "check"));
        a.addAll(List.of(extra));
        return new Cli(dir).run(a.toArray(String[]::new));
    }

    private JsonNode findings(Cli.Result r) throws Exception {
        JsonNode j = Fixtures.json(r.out());
        for (String k : new String[] {"database", "ok", "integrity_check", "migrations", "findings"}) {
            assertTrue(j.has(k), "check JSON lacks " + k + ": " + r.out());
        }
        for (JsonNode f : j.get("findings")) {
            assertTrue(f.has("kind") && f.has("object") && f.has("detail"), f.toString());
        }
        return j.get("findings");
    }

    @Test
    void aCleanDatabaseExitsZero() throws Exception {
        Cli.Result r = check(db, "--format", "json");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Fixtures.json(r.out()).get("ok").asBoolean());
        assertEquals(0, findings(r).size());
        Cli.Result text = check(db, "--quick");
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().startsWith("ok: quick_check"), text.out());
    }

    @Test
    void aCorruptedPageInACopyIsFoundWithExitThree() throws Exception {
        Path copy = dir.resolve("copy.db");
        Files.copy(db, copy);
        long leaf = Fixtures.count(copy, "SELECT max(pageno) FROM dbstat WHERE name = 'child' AND pagetype = 'leaf'");
        try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
            f.seek((leaf - 1) * 4096 + 3);
            f.write(new byte[] {(byte) 0xff, (byte) 0xff, 0, 0, (byte) 0xee});
        }
        Cli.Result r = check(copy, "--format", "json");
        assertEquals(3, r.code(), r.toString());
        JsonNode f = findings(r);
        assertTrue(f.size() > 0);
        assertEquals("integrity", f.get(0).get("kind").asText());
        assertEquals(3, check(copy).code());
    }

    @Test
    void aForeignKeyViolationIsFound() throws Exception {
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("PRAGMA foreign_keys = OFF");
            d.execute("INSERT INTO child(parent_id) VALUES (99)");
        }
        Cli.Result r = check(db, "--format", "json");
        assertEquals(3, r.code(), r.toString());
        JsonNode f = findings(r);
        assertEquals(1, f.size());
        assertEquals("foreign_key", f.get(0).get("kind").asText());
        assertEquals("child", f.get(0).get("object").asText());
        assertTrue(f.get(0).get("detail").asText().contains("parent"));
    }

    @Test
    void aPendingMigrationIsFound() throws Exception {
        Files.writeString(migrations.resolve("003-more.sql"), "CREATE TABLE more(x);\n");
        Cli.Result r = check(db, "--format", "json");
        assertEquals(3, r.code(), r.toString());
        JsonNode f = findings(r);
        assertEquals("pending_migration", f.get(0).get("kind").asText());
        assertEquals("3-more", f.get(0).get("object").asText());
    }

    @Test
    void aModifiedMigrationIsFound() throws Exception {
        Files.writeString(migrations.resolve("001-parents.sql"), "-- migrate:up\nCREATE TABLE parent(id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                + "-- migrate:down\nDROP TABLE parent;\n");
        Cli.Result r = check(db);
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.out().contains("modified_migration") && r.out().contains("1-parents"), r.out());
        assertTrue(r.err().contains("1 finding"), r.err());
    }

    @Test
    void aHistoryThatDisagreesWithUserVersionIsFound() throws Exception {
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("PRAGMA user_version = 7");
        }
        Cli.Result r = check(db, "--format", "json");
        assertEquals(3, r.code(), r.toString());
        assertEquals("user_version", findings(r).get(0).get("kind").asText());
    }

    @Test
    void aMissingDatabaseOrANonDatabaseIsAnErrorNotAFinding() throws Exception {
        Cli.Result missing = check(dir.resolve("none.db"));
        assertEquals(1, missing.code(), missing.toString());
        assertEquals(1, missing.errLines());
        Files.writeString(dir.resolve("text.db"), "hello");
        assertEquals(1, check(dir.resolve("text.db")).code());
        assertEquals(2, check(db, "--format", "csv").code());
    }
}
