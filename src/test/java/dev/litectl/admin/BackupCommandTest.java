package dev.litectl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.litectl.testing.Cli;
import dev.litectl.testing.SqliteShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandTest {
    @TempDir
    Path dir;

    private Cli.Result backup(Path db, String... args) {
        List<String> a = new ArrayList<>(List.of("--db", db.toString(), "backup"));
        a.addAll(List.of(args));
        return new Cli(dir).run(a.toArray(String[]::new));
    }

    @Test
    void jsonReportNamesPathBytesSha256AndTheCopyHoldsTheSameRows() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 500);
        Cli.Result r = backup(db, "--to", "copy.db", "--verify", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode j = Fixtures.json(r.out());
        Path copy = dir.resolve("copy.db");
        assertEquals(copy.toString(), j.get("path").asText());
        assertEquals(Files.size(copy), j.get("bytes").asLong());
        assertEquals(Fixtures.sha256(copy), j.get("sha256").asText());
        assertEquals("snapshot-copy", j.get("method").asText());
        assertTrue(j.get("verified").asBoolean());
        assertTrue(j.get("counts_compared").asBoolean());
        assertEquals(500, j.get("row_counts").get("t").asLong());
        assertTrue(j.get("duration_ms").asLong() >= 0);
        assertTrue(j.get("deleted").isArray());
        assertEquals("ok", Fixtures.integrity(copy));
        assertEquals(500, Fixtures.count(copy, "SELECT count(*) FROM t"));
    }

    @Test
    void everyMethodMakesAnIntactCopy() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 300);
        for (String m : List.of("online-backup", "vacuum-into", "snapshot-copy")) {
            Cli.Result r = backup(db, "--to", m + ".db", "--method", m, "--verify");
            assertEquals(0, r.code(), r.toString());
            assertEquals("ok", Fixtures.integrity(dir.resolve(m + ".db")));
            assertEquals(300, Fixtures.count(dir.resolve(m + ".db"), "SELECT count(*) FROM t"));
        }
        assertEquals(0, backup(db, "--to", "compact.db", "--compact").code());
        assertEquals(300, Fixtures.count(dir.resolve("compact.db"), "SELECT count(*) FROM t"));
    }

    @Test
    void existingTargetIsReplacedOnlyWithForce() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 50);
        Files.writeString(dir.resolve("old.db"), "keep me");
        Cli.Result refused = backup(db, "--to", "old.db");
        assertEquals(1, refused.code(), refused.toString());
        assertEquals(1, refused.errLines());
        assertTrue(refused.err().contains("file exists (use --force to replace it)"), refused.err());
        assertEquals("keep me", Files.readString(dir.resolve("old.db")));
        assertEquals(0, backup(db, "--to", "old.db", "--force").code());
        assertEquals(50, Fixtures.count(dir.resolve("old.db"), "SELECT count(*) FROM t"));
    }

    @Test
    void targetThatIsTheDatabaseItselfIsRefused() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 50);
        String sha = Fixtures.sha256(db);
        Cli.Result r = backup(db, "--to", db.toString(), "--force");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("that is the database itself"), r.err());
        Fixtures.assertUnchanged(sha, db);
    }

    @Test
    void folderThatDoesNotExistOrIsNotWritableIsAOneLineErrorAndTheSourceIsUntouched() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 50);
        String sha = Fixtures.sha256(db);
        Cli.Result missing = backup(db, "--to", "nowhere/app.db");
        assertEquals(1, missing.code(), missing.toString());
        assertEquals(1, missing.errLines());
        assertTrue(missing.err().startsWith("litectl: backup to ") && missing.err().contains("does not exist"), missing.err());
        Cli.Result missingFolder = backup(db, "--to", "nowhere/", "--keep", "2");
        assertEquals(1, missingFolder.code(), missingFolder.toString());
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Cli.Result notWritable = backup(db, "--to", "locked/");
        assertEquals(1, notWritable.code(), notWritable.toString());
        assertEquals(1, notWritable.errLines());
        assertTrue(notWritable.err().contains("folder is not writable"), notWritable.err());
        Fixtures.assertUnchanged(sha, db);
        try (Stream<Path> s = Files.list(locked)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void badOptionValuesAreUsageErrors() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 10);
        assertEquals(2, backup(db, "--to", "x.db", "--keep", "0").code());
        assertEquals(2, backup(db, "--to", "x.db", "--method", "rsync").code());
        assertEquals(2, backup(db).code());
        assertEquals(2, backup(db, "--to", "x.db", "--format", "csv").code());
        Cli.Result noDb = new Cli(dir).run("--db", dir.resolve("missing.db").toString(), "backup", "--to", "x.db");
        assertEquals(1, noDb.code(), noDb.toString());
        assertFalse(Files.exists(dir.resolve("missing.db")));
    }

    @Test
    void keepThreeAfterFiveBackupsLeavesExactlyTheThreeNewest() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 20);
        Path folder = Files.createDirectory(dir.resolve("backups"));
        Files.writeString(folder.resolve("unrelated.txt"), "not a backup");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Cli.Result r = backup(db, "--to", "backups", "--keep", "3", "--format", "json");
            assertEquals(0, r.code(), r.toString());
            String path = Fixtures.json(r.out()).get("path").asText();
            assertTrue(Path.of(path).getFileName().toString().matches("app-\\d{8}T\\d{6}Z(-\\d+)?\\.db"), path);
            made.add(path);
        }
        List<String> left;
        try (Stream<Path> s = Files.list(folder)) {
            left = s.filter(p -> p.toString().endsWith(".db")).map(Path::toString).sorted().toList();
        }
        assertEquals(made.subList(2, 5).stream().sorted().toList(), left);
        assertTrue(Files.exists(folder.resolve("unrelated.txt")));
    }

    @Test
    void theCopyGetsTheSourcePermissionsNeverWider() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 10);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, backup(db, "--to", "private.db").code());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private.db"))));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, backup(db, "--to", "group.db", "--method", "vacuum-into").code());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("group.db"))));
    }

    @Test
    void databaseLockedByAnotherProcessPastTheBusyTimeoutExitsFour() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 10);
        try (SqliteShell holder = new SqliteShell(db)) {
            holder.send("BEGIN IMMEDIATE; INSERT INTO t(payload) VALUES (x'01');").sync();
            String sha = Fixtures.sha256(db);
            Cli.Result r = new Cli(dir).run("--db", db.toString(), "--busy-timeout", "200", "backup", "--to", "b.db");
            assertEquals(4, r.code(), r.toString());
            assertEquals(1, r.errLines());
            assertFalse(Files.exists(dir.resolve("b.db")));
            Fixtures.assertUnchanged(sha, db);
            holder.send("ROLLBACK;").sync();
        }
    }
}
