package dev.litectl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.testing.Cli;
import dev.litectl.testing.LitectlProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL at random moments: the target is absent or a complete backup, an old backup survives, the next run cleans up. */
class BackupKillIT {
    private static final int TRIALS = 24;
    private static final int ROWS = 20000;

    @TempDir
    Path dir;

    @Test
    void backupKilledAtRandomMomentsNeverLeavesAPartialTarget() throws Exception {
        Path db = Fixtures.database(dir, "src.db", ROWS);
        long started = System.nanoTime();
        Cli.Result probe = LitectlProcess.run(dir, 120, "--db", db.toString(), "backup", "--to", "probe.db", "--verify");
        assertEquals(0, probe.code(), probe.toString());
        int fullRunMs = (int) ((System.nanoTime() - started) / 1_000_000);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int absentAfterKill = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            boolean replace = trial % 2 == 1;
            Path target = dir.resolve(replace ? "replace.db" : "fresh.db");
            String oldSha = null;
            if (replace) {
                if (!Files.exists(target)) {
                    Files.copy(dir.resolve("probe.db"), target);
                }
                oldSha = Fixtures.sha256(target);
            } else {
                Files.deleteIfExists(target);
            }
            Process p = replace
                    ? LitectlProcess.start(dir, "--db", db.toString(), "backup", "--to", target.toString(), "--verify", "--force")
                    : LitectlProcess.start(dir, "--db", db.toString(), "backup", "--to", target.toString(), "--verify");
            int killAt = random.nextInt(fullRunMs + 1);
            Thread.sleep(killAt);
            p.destroyForcibly().waitFor();
            String where = "trial " + trial + " (seed " + seed + ", killed after " + killAt + " of ~" + fullRunMs + " ms)";
            if (Files.exists(target)) {
                assertEquals("ok", Fixtures.integrity(target), where);
                assertEquals(ROWS, Fixtures.count(target, "SELECT count(*) FROM t"), where);
            } else {
                assertTrue(!replace, where + ": the old backup was lost");
                absentAfterKill++;
            }
            if (replace && oldSha != null && !oldSha.equals(Fixtures.sha256(target))) {
                assertEquals("ok", Fixtures.integrity(target), where);
            }
        }
        Cli.Result next = LitectlProcess.run(dir, 120, "--db", db.toString(), "backup", "--to", "fresh.db", "--force");
        assertEquals(0, next.code(), next.toString());
        List<Path> leftovers;
        try (Stream<Path> s = Files.list(dir)) {
            leftovers = s.filter(f -> f.getFileName().toString().contains(".litectl-tmp-")).toList();
        }
        assertEquals(List.of(), leftovers, "temporary files left after a successful run");
        assertTrue(absentAfterKill <= TRIALS / 2);
    }
}
