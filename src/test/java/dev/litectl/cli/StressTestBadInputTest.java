package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: a one-line error, the documented exit code, and nothing written (no files, no database change). */
class StressTestBadInputTest {
    @TempDir
    Path dir;

    private Cli.Result usageError(String... args) throws Exception {
        Cli.Result r = new Cli(dir).run(args);
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().startsWith("litectl: "), r::toString);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing written");
        }
        return r;
    }

    @Test
    void zeroOrNegativeDurationIsAUsageError() throws Exception {
        assertTrue(usageError("stress-test", "--duration", "0").err().contains("--duration must be more than 0 seconds"));
        assertTrue(usageError("stress-test", "--duration", "-3").err().contains("--duration must be more than 0 seconds, not -3"));
        usageError("stress-test", "--duration", "soon");
    }

    @Test
    void negativeOrAllZeroThreadCountsAreUsageErrors() throws Exception {
        assertTrue(usageError("stress-test", "--writers", "-1").err().contains("--writers must be 0 or more, not -1"));
        assertTrue(usageError("stress-test", "--readers", "-2").err().contains("--readers must be 0 or more, not -2"));
        assertTrue(usageError("stress-test", "--writers", "0", "--readers", "0").err().contains("nothing to run"));
    }

    @Test
    void zeroOrNegativeProcessesAreUsageErrors() throws Exception {
        assertTrue(usageError("stress-test", "--processes", "0").err().contains("--processes must be 1 or more, not 0"));
        assertTrue(usageError("stress-test", "--processes", "-4").err().contains("--processes must be 1 or more, not -4"));
    }

    @Test
    void anUnknownWorkloadIsAUsageErrorListingTheWorkloads() throws Exception {
        String err = usageError("stress-test", "--workload", "chaos").err();
        assertTrue(err.contains("unknown workload 'chaos' (choose one of sessions, messages, cache, telemetry, mixed)"), err);
    }

    @Test
    void anUnknownLayerIsAUsageErrorNamingTheChoices() throws Exception {
        String err = usageError("stress-test", "--layer", "orm").err();
        assertTrue(err.contains("--layer: unknown layer 'orm' (choose store or jdbc)"), err);
    }

    @Test
    void zeroOrNegativeProfileScaleIsAUsageError() throws Exception {
        assertTrue(usageError("stress-test", "--profile", "--scale", "0").err().contains("--scale must be more than 0"));
        usageError("stress-test", "--profile", "--scale", "-1");
    }

    @Test
    void inPlaceWithoutADatabaseIsAUsageError() throws Exception {
        assertTrue(usageError("stress-test", "--in-place").err().contains("--in-place needs --db"));
    }

    @Test
    void inPlaceOnADatabaseWithoutTheAgentSchemaFailsWithExitOneAndLeavesItUntouched() throws Exception {
        Path other = dir.resolve("other.db");
        try (Database db = Database.open(other, OpenMode.CREATE, 5000)) {
            db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            db.execute("INSERT INTO notes (body) VALUES ('keep me')");
        }
        byte[] before = Files.readAllBytes(other);
        List<Path> filesBefore;
        try (Stream<Path> files = Files.list(dir)) {
            filesBefore = files.sorted().toList();
        }
        for (boolean inPlace : new boolean[] {true, false}) {
            Cli.Result r = inPlace
                    ? new Cli(dir).run("--db", "other.db", "stress-test", "--in-place", "--duration", "1")
                    : new Cli(dir).run("--db", "other.db", "stress-test", "--duration", "1");
            assertEquals(1, r.code(), r::toString);
            assertEquals("", r.out());
            assertEquals(1, r.errLines(), r::toString);
            assertTrue(r.err().startsWith("litectl: stress-test: " + other + " does not have the built-in agent schema (missing tables "),
                    r::toString);
            assertArrayEquals(before, Files.readAllBytes(other), "the database is unchanged");
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(filesBefore, files.sorted().toList(), "no file created beside it");
            }
        }
    }

    @Test
    void aMissingDatabaseIsRefusedWithoutCreatingIt() {
        Cli.Result r = new Cli(dir).run("--db", "nope.db", "stress-test", "--in-place");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("no such database file"), r::toString);
        assertFalse(Files.exists(dir.resolve("nope.db")));
    }
}
