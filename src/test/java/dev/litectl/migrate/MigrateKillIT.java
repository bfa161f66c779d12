package dev.litectl.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.testing.Cli;
import dev.litectl.testing.LitectlProcess;
import dev.litectl.testing.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomicity: migrate runs as a process over heavy migrations and is killed with SIGKILL at random moments.
 * Afterwards the schema and data match exactly the migrations the history says are applied, and a new
 * migrate finishes the job with no lock or dirty flag to clear.
 */
class MigrateKillIT {
    private static final int ROWS = 60_000;
    private static final int TRIALS = 20;

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.writeString(m.resolve("001-big.sql"), "-- migrate:up\nCREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT NOT NULL);\n"
                + "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + ROWS + ")\n"
                + "INSERT INTO big SELECT x, hex(randomblob(40)) FROM c;\n-- migrate:down\nDROP TABLE big;\n");
        Files.writeString(m.resolve("002-index.sql"), "CREATE INDEX idx_big_v ON big (v);\n");
        Files.writeString(m.resolve("003-copy.sql"), "CREATE TABLE big2 AS SELECT * FROM big;\nCREATE INDEX idx_big2_v ON big2 (v);\n");
        Files.writeString(m.resolve("004-update.sql"), "UPDATE big SET v = v || 'x';\n");
        Files.writeString(m.resolve("005-marker.sql"), "CREATE TABLE marker (x);\nINSERT INTO marker VALUES (5);\n");
        Files.writeString(m.resolve("006-delete.sql"), "DELETE FROM big2 WHERE id % 2 = 0;\nDROP INDEX idx_big2_v;\n");
        return m;
    }

    @Test
    void sigkillAtRandomMomentsLeavesExactlyTheMigrationsTheHistoryRecords() throws Exception {
        Path m = migrations();
        List<MigrationFile> files = MigrationSource.directory(m).load();
        long full = timeFullRun(m);
        Random random = new Random(42);
        TreeSet<Long> versionsSeen = new TreeSet<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            Path db = dir.resolve("kill-" + trial + ".db");
            Process p = LitectlProcess.start(dir, "--db", db.toString(), "--migrations", m.toString(), "migrate");
            Thread.sleep((long) (random.nextDouble() * full));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            long version = assertConsistent(db, files, "trial " + trial);
            versionsSeen.add(version);
            var again = new Cli(dir).run("--db", db.toString(), "--migrations", m.toString(), "migrate");
            assertEquals(0, again.code(), "trial " + trial + ": " + again);
            assertEquals(6, assertConsistent(db, files, "trial " + trial + " after re-run"));
        }
        assertTrue(versionsSeen.size() >= 3, "kills should land at several versions, saw " + versionsSeen);
    }

    private long timeFullRun(Path m) throws Exception {
        Path db = dir.resolve("timing.db");
        long start = System.nanoTime();
        var r = LitectlProcess.run(dir, 120, "--db", db.toString(), "--migrations", m.toString(), "migrate");
        assertEquals(0, r.code(), r.toString());
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Checks schema and data against the history; returns the applied version. */
    private long assertConsistent(Path db, List<MigrationFile> files, String what) throws Exception {
        if (!Files.exists(db) || Files.size(db) == 0) {
            return 0;
        }
        assertEquals("ok", Sqlite.text(db, "PRAGMA integrity_check"), what);
        boolean history = Sqlite.scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'litectl_migrations'") == 1;
        long version = history ? Sqlite.scalar(db, "SELECT coalesce(max(version), 0) FROM litectl_migrations") : 0;
        if (history) {
            assertEquals(version, Sqlite.scalar(db, "SELECT count(*) FROM litectl_migrations"), what + ": history has gaps");
        }
        assertEquals(version, Sqlite.scalar(db, "PRAGMA user_version"), what);
        List<String> expected = new ArrayList<>();
        for (SchemaVerifier.SchemaObject o : SchemaVerifier.declared(files.subList(0, (int) version))) {
            expected.add(o.type() + " " + o.name());
        }
        if (history) {
            expected.add("table litectl_migrations");
        }
        List<String> actual = Sqlite.objects(db);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actual), what + " at version " + version);
        if (version >= 1) {
            assertEquals(ROWS, Sqlite.scalar(db, "SELECT count(*) FROM big"), what);
            long updated = Sqlite.scalar(db, "SELECT count(*) FROM big WHERE v LIKE '%x'");
            assertEquals(version >= 4 ? ROWS : 0, updated, what + ": update half-applied?");
        }
        if (version >= 3) {
            assertEquals(version >= 6 ? ROWS / 2 : ROWS, Sqlite.scalar(db, "SELECT count(*) FROM big2"), what);
        }
        if (version >= 5) {
            assertEquals(1, Sqlite.scalar(db, "SELECT count(*) FROM marker"), what);
        }
        return version;
    }
}
