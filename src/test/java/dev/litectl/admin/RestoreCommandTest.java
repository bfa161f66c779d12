package dev.litectl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.testing.Cli;
import dev.litectl.testing.SqliteShell;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreCommandTest {
    @TempDir
    Path dir;

    private Cli.Result run(Path db, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Cli(dir).run(all);
    }

    @Test
    void restoreBringsTheDataBackAndKeepsTheReplacedDatabaseAsideIntact() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 100);
        assertEquals(0, run(db, "backup", "--to", "saved.db").code());
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("DELETE FROM t WHERE id > 40");
            d.execute("CREATE TABLE extra(x)");
        }
        Cli.Result r = run(db, "restore", "--from", "saved.db", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode j = Fixtures.json(r.out());
        assertEquals(100, Fixtures.count(db, "SELECT count(*) FROM t"));
        assertEquals(0, Fixtures.count(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"));
        Path aside = Path.of(j.get("kept_aside").asText());
        assertTrue(aside.getFileName().toString().matches("app\\.db\\.before-restore-\\d{8}T\\d{6}Z"), aside.toString());
        assertEquals("ok", Fixtures.integrity(aside));
        assertEquals(40, Fixtures.count(aside, "SELECT count(*) FROM t"));
        assertEquals(1, Fixtures.count(aside, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"));
        assertEquals(Fixtures.sha256(dir.resolve("saved.db")), j.get("sha256").asText());
        assertTrue(j.get("moved_aside").isArray());
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(f -> f.getFileName().toString().contains(".litectl-tmp-")));
        }
    }

    @Test
    void aFileThatIsNotSQLiteIsRefusedAndTheDatabaseIsUntouched() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 10);
        String sha = Fixtures.sha256(db);
        Files.writeString(dir.resolve("notes.txt"), "this is not a database\n".repeat(100));
        Cli.Result r = run(db, "restore", "--from", "notes.txt");
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.errLines());
        assertTrue(r.err().contains("not a SQLite database"), r.err());
        Files.write(dir.resolve("empty.db"), new byte[0]);
        assertEquals(1, run(db, "restore", "--from", "empty.db").code());
        Cli.Result missing = run(db, "restore", "--from", "nope.db");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such backup file"), missing.err());
        Fixtures.assertUnchanged(sha, db);
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingMoves() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 2000);
        assertEquals(0, run(db, "backup", "--to", "damaged.db").code());
        long leaf = Fixtures.count(dir.resolve("damaged.db"), "SELECT max(pageno) FROM dbstat WHERE name = 't' AND pagetype = 'leaf'");
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("damaged.db").toFile(), "rw")) {
            f.seek((leaf - 1) * 4096);
            f.write(new byte[] {(byte) 0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        }
        String sha = Fixtures.sha256(db);
        Cli.Result r = run(db, "restore", "--from", "damaged.db");
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.errLines());
        assertTrue(r.err().contains("integrity_check") || r.err().contains("malformed"), r.err());
        Fixtures.assertUnchanged(sha, db);
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(f -> f.getFileName().toString().contains("before-restore")
                    || f.getFileName().toString().contains(".litectl-tmp-")));
        }
    }

    @Test
    void aDatabaseHeldOpenByAnotherProcessIsRefusedWithExitFour() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 10);
        assertEquals(0, run(db, "backup", "--to", "saved.db").code());
        try (SqliteShell other = new SqliteShell(db)) {
            other.send("SELECT count(*) FROM t;").sync();
            String sha = Fixtures.sha256(db);
            Cli.Result r = run(db, "--busy-timeout", "200", "restore", "--from", "saved.db");
            assertEquals(4, r.code(), r.toString());
            assertEquals(1, r.errLines());
            assertTrue(r.err().contains("in use by another process"), r.err());
            Fixtures.assertUnchanged(sha, db);
        }
        assertEquals(0, run(db, "restore", "--from", "saved.db").code());
    }
}
