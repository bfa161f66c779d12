package dev.litectl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.testing.Cli;
import dev.litectl.testing.SqliteShell;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VacuumCommandTest {
    @TempDir
    Path dir;

    private Path withFreePages() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 2000);
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("DELETE FROM t WHERE id > 200");
            d.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return db;
    }

    @Test
    void vacuumFreesThePagesAndReportsBeforeAndAfterInJson() throws Exception {
        Path db = withFreePages();
        Cli.Result r = new Cli(dir).run("--db", db.toString(), "vacuum", "--analyze", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode j = Fixtures.json(r.out());
        assertEquals("full", j.get("mode").asText());
        assertTrue(j.get("before").get("free_pages").asLong() > 0);
        assertEquals(0, j.get("after").get("free_pages").asLong());
        assertTrue(j.get("after").get("file_bytes").asLong() < j.get("before").get("file_bytes").asLong());
        for (String k : new String[] {"file_bytes", "wal_bytes", "page_size", "page_count", "free_pages"}) {
            assertTrue(j.get("after").has(k), k);
        }
        assertTrue(j.get("analyzed").asBoolean());
        assertEquals(1, Fixtures.count(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'"));
        assertEquals(200, Fixtures.count(db, "SELECT count(*) FROM t"));
    }

    @Test
    void vacuumIntoWritesACompactCopyAndLeavesTheDatabaseAsItWas() throws Exception {
        Path db = withFreePages();
        String sha = Fixtures.sha256(db);
        Cli.Result r = new Cli(dir).run("--db", db.toString(), "vacuum", "--into", "compact.db");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("into"), r.out());
        assertEquals(200, Fixtures.count(dir.resolve("compact.db"), "SELECT count(*) FROM t"));
        assertEquals(0, Fixtures.count(dir.resolve("compact.db"), "PRAGMA freelist_count"));
        Fixtures.assertUnchanged(sha, db);
    }

    @Test
    void vacuumIntoAnExistingFileIsRefused() throws Exception {
        Path db = withFreePages();
        String sha = Fixtures.sha256(db);
        Files.writeString(dir.resolve("taken.db"), "precious");
        Cli.Result r = new Cli(dir).run("--db", db.toString(), "vacuum", "--into", "taken.db");
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.errLines());
        assertTrue(r.err().contains("file exists"), r.err());
        assertEquals("precious", Files.readString(dir.resolve("taken.db")));
        Fixtures.assertUnchanged(sha, db);
        assertEquals(2, new Cli(dir).run("--db", db.toString(), "vacuum", "--into", "x.db", "--incremental").code());
    }

    @Test
    void incrementalNeedsAutoVacuumIncrementalAndThenFreesPages() throws Exception {
        Path db = withFreePages();
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("PRAGMA auto_vacuum = NONE"); // as a database created before litectl set INCREMENTAL
            d.execute("VACUUM");
            d.execute("DELETE FROM t WHERE id > 100");
        }
        Cli.Result refused = new Cli(dir).run("--db", db.toString(), "vacuum", "--incremental");
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("auto_vacuum=INCREMENTAL"), refused.err());
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("PRAGMA auto_vacuum = INCREMENTAL");
            d.execute("VACUUM");
            d.execute("DELETE FROM t WHERE id > 50");
        }
        Cli.Result r = new Cli(dir).run("--db", db.toString(), "vacuum", "--incremental", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode j = Fixtures.json(r.out());
        assertEquals("incremental", j.get("mode").asText());
        assertTrue(j.get("before").get("free_pages").asLong() > 0);
        assertEquals(0, j.get("after").get("free_pages").asLong());
    }

    @Test
    void aDatabaseLockedPastTheBusyTimeoutExitsFourAndIsUnchanged() throws Exception {
        Path db = withFreePages();
        try (SqliteShell holder = new SqliteShell(db)) {
            holder.send("BEGIN IMMEDIATE; DELETE FROM t WHERE id = 1;").sync();
            String sha = Fixtures.sha256(db);
            Cli.Result r = new Cli(dir).run("--db", db.toString(), "--busy-timeout", "200", "vacuum");
            assertEquals(4, r.code(), r.toString());
            assertEquals(1, r.errLines());
            assertTrue(r.err().contains("locked"), r.err());
            Fixtures.assertUnchanged(sha, db);
            holder.send("ROLLBACK;").sync();
        }
    }
}
