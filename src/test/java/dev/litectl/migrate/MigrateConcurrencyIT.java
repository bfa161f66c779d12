package dev.litectl.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.testing.LitectlProcess;
import dev.litectl.testing.Sqlite;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four processes migrate one database at once: each migration is applied exactly once. */
class MigrateConcurrencyIT {
    @TempDir
    Path dir;

    @Test
    void fourConcurrentMigratorsApplyEveryMigrationExactlyOnce() throws Exception {
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.writeString(m.resolve("001-log.sql"), "CREATE TABLE log (v INTEGER NOT NULL);\nCREATE TABLE scratch (x);\n");
        for (int v = 2; v <= 12; v++) {
            Files.writeString(m.resolve(String.format("%03d-step.sql", v)),
                    "INSERT INTO log VALUES (" + v + ");\n"
                            + "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000)\n"
                            + "INSERT INTO scratch SELECT hex(randomblob(16)) FROM c;\n");
        }
        for (int round = 0; round < 2; round++) {
            Path db = dir.resolve("shared-" + round + ".db");
            // round 0: default busy timeout (exit 4 allowed); round 1: long timeout, everyone must succeed
            String timeout = round == 0 ? "5000" : "60000";
            List<Process> procs = new ArrayList<>();
            List<Path> errs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Path err = dir.resolve("err-" + round + "-" + i);
                errs.add(err);
                procs.add(new ProcessBuilder(LitectlProcess.command("--db", db.toString(), "--migrations", m.toString(),
                        "--busy-timeout", timeout, "migrate")).directory(dir.toFile())
                        .redirectOutput(new File("/dev/null")).redirectError(err.toFile()).start());
            }
            int ok = 0;
            for (int i = 0; i < 4; i++) {
                assertTrue(procs.get(i).waitFor(120, TimeUnit.SECONDS));
                int code = procs.get(i).exitValue();
                String err = Files.readString(errs.get(i));
                assertTrue(code == 0 || code == 4 && round == 0, "process " + i + " exit " + code + ": " + err);
                if (code == 4) {
                    assertTrue(err.startsWith("litectl: ") && err.contains("locked") && err.lines().count() == 1, err);
                } else {
                    ok++;
                }
            }
            assertTrue(ok >= 1);
            assertEquals(12, Sqlite.scalar(db, "SELECT count(*) FROM litectl_migrations"));
            assertEquals(11, Sqlite.scalar(db, "SELECT count(*) FROM log"));
            assertEquals(11, Sqlite.scalar(db, "SELECT count(DISTINCT v) FROM log"));
            assertEquals(11 * 20000, Sqlite.scalar(db, "SELECT count(*) FROM scratch"));
            assertEquals(12, Sqlite.scalar(db, "PRAGMA user_version"));
            assertEquals("ok", Sqlite.text(db, "PRAGMA integrity_check"));
        }
    }
}
