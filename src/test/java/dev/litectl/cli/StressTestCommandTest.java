package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.stress.StressOptions;
import dev.litectl.stress.StressRun;
import dev.litectl.stress.StressTest;
import dev.litectl.stress.Verification;
import dev.litectl.stress.WorkloadKind;
import dev.litectl.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StressTestCommandTest {
    @TempDir
    Path dir;

    private Cli cli() {
        return new Cli(dir);
    }

    @Test
    void mixedRunOnAFreshDatabaseReportsEveryOperationNoLostWritesAndIntegrityOk() {
        Cli.Result r = cli().run("stress-test", "--duration", "1", "--writers", "2", "--readers", "2");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("messages.append"), r::toString);
        assertTrue(r.out().contains("telemetry.aggregate"), r::toString);
        assertTrue(r.out().contains("P99.9 MS"), r::toString);
        assertTrue(r.out().contains("\nintegrity ok\n"), r::toString);
        assertTrue(r.out().contains("lost writes: 0 ("), r::toString);
        assertEquals("", r.err(), "no progress line and no notes when not on a terminal");
        assertFalse(Files.exists(dir.resolve("data")), "the default database is not touched");
    }

    @Test
    void everyWorkloadRunsAndVerifiesThroughTheStoreApiAndThroughPlainJdbc() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String layer : new String[] {"store", "jdbc"}) {
            for (String w : new String[] {"sessions", "messages", "cache", "telemetry"}) {
                Cli.Result r = cli().run("--format", "json", "stress-test", "--workload", w, "--layer", layer,
                        "--duration", "0.4", "--writers", "1", "--readers", "1");
                assertEquals(0, r.code(), r::toString);
                JsonNode root = json.readTree(r.out());
                assertEquals(w, root.get("workload").asText());
                assertEquals(layer, root.get("layer").asText());
                for (JsonNode op : root.get("operations")) {
                    assertTrue(op.get("name").asText().startsWith(w + "."), op::toString);
                }
                assertTrue(root.get("totals").get("writes").asLong() > 0, r::toString);
                assertEquals(0, root.get("totals").get("failed").asLong(), r::toString);
                JsonNode v = root.get("verification");
                assertTrue(v.get("acknowledged_writes").asLong() > 0, r::toString);
                assertEquals(0, v.get("lost_writes").asLong(), r::toString);
                assertEquals("ok", v.get("integrity").asText(), r::toString);
            }
        }
    }

    @Test
    void theStoreLayerIsTheDefaultAndTheTextReportNamesTheLayer() {
        Cli.Result store = cli().run("stress-test", "--workload", "sessions", "--duration", "0.3", "--writers", "1", "--readers", "1");
        assertEquals(0, store.code(), store::toString);
        assertTrue(store.out().startsWith("stress-test: sessions workload through the store API, "), store::toString);
        Cli.Result jdbc = cli().run("stress-test", "--workload", "sessions", "--layer", "JDBC", "--duration", "0.3", "--writers", "1", "--readers", "1");
        assertEquals(0, jdbc.code(), jdbc::toString);
        assertTrue(jdbc.out().startsWith("stress-test: sessions workload through plain JDBC, "), jdbc::toString);
        assertTrue(jdbc.out().contains("lost writes: 0 ("), jdbc::toString);
    }

    @Test
    void jsonReportHasTheDocumentedShape() throws Exception {
        Cli.Result r = cli().run("stress-test", "--format", "json", "--duration", "0.5", "--writers", "1", "--readers", "1", "--seed", "7");
        assertEquals(0, r.code(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"workload", "layer", "duration_s", "writers", "readers", "processes", "seed", "busy_timeout_ms",
                "database", "elapsed_s", "operations", "totals", "busy", "errors", "verification", "passed"}) {
            assertTrue(root.has(key), "missing " + key + " in " + r.out());
        }
        assertEquals(7, root.get("seed").asLong());
        assertEquals("store", root.get("layer").asText());
        assertEquals("temporary", root.get("database").get("mode").asText());
        assertEquals("wal", root.get("database").get("journal_mode").asText());
        JsonNode op = root.get("operations").get(0);
        for (String key : new String[] {"p50", "p95", "p99", "p99_9", "max"}) {
            assertTrue(op.get("latency_ms").has(key), op::toString);
        }
        JsonNode v = root.get("verification");
        assertEquals("ok", v.get("integrity").asText());
        assertEquals(0, v.get("lost_writes").asLong());
        assertTrue(v.get("lost").isArray());
        assertTrue(root.get("passed").asBoolean());
        assertTrue(root.get("busy").has("events") && root.get("busy").has("retries") && root.get("busy").has("past_timeout"));
    }

    @Test
    void anAcknowledgedRowDeletedBetweenRunAndVerifyIsReportedLostAndExitsOne() throws Exception {
        StressOptions options = StressOptions.defaults().withWorkload(WorkloadKind.MESSAGES).withDurationMillis(500).withThreads(2, 0);
        try (StressTest test = StressTest.prepare(options)) {
            StressRun run = test.run(spec -> { throw new AssertionError("one process: no worker is started"); },
                    dev.litectl.stress.StressProgress.NONE);
            Map<String, Long> messages = run.acknowledged().get("messages");
            assertTrue(messages != null && !messages.isEmpty(), "the run acknowledged messages");
            String victim = messages.keySet().iterator().next();
            try (Database db = Database.open(test.database(), OpenMode.READ_WRITE, 5000);
                 PreparedStatement ps = db.connection().prepareStatement("DELETE FROM messages WHERE id = ?")) {
                db.execute("PRAGMA foreign_keys = OFF"); // only the one row: its tool executions stay
                ps.setLong(1, Long.parseLong(victim));
                assertEquals(1, ps.executeUpdate());
            }
            Verification v = test.verify(run);
            assertEquals(1, v.lostCount());
            assertEquals("messages", v.lost().get(0).table());
            assertEquals(victim, v.lost().get(0).key());
            assertEquals("row missing", v.lost().get(0).problem());
            assertTrue(v.integrityOk());

            StringWriter text = new StringWriter();
            assertEquals(1, StressTestCommand.report(run, v, false, new PrintWriter(text)));
            assertTrue(text.toString().contains("lost writes: 1 of " + v.acknowledged() + " acknowledged"), text::toString);
            assertTrue(text.toString().contains("  messages " + victim + ": row missing"), text::toString);
            StringWriter json = new StringWriter();
            assertEquals(1, StressTestCommand.report(run, v, true, new PrintWriter(json)));
            JsonNode root = new ObjectMapper().readTree(json.toString());
            assertEquals(1, root.get("verification").get("lost_writes").asLong());
            assertEquals(victim, root.get("verification").get("lost").get(0).get("key").asText());
            assertFalse(root.get("passed").asBoolean());
        }
    }

    @Test
    void anUpdateRolledBackBehindTheRunsBackIsReportedAsAnOlderVersion() throws Exception {
        StressOptions options = StressOptions.defaults().withWorkload(WorkloadKind.SESSIONS).withDurationMillis(400).withThreads(1, 0);
        try (StressTest test = StressTest.prepare(options)) {
            StressRun run = test.run(spec -> { throw new AssertionError(); }, dev.litectl.stress.StressProgress.NONE);
            var updated = run.acknowledged().get("sessions").entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow();
            try (Database db = Database.open(test.database(), OpenMode.READ_WRITE, 5000);
                 PreparedStatement ps = db.connection().prepareStatement("UPDATE sessions SET state = json_set(state, '$.version', 0) WHERE id = ?")) {
                ps.setString(1, updated.getKey());
                assertEquals(1, ps.executeUpdate());
            }
            Verification v = test.verify(run);
            assertEquals(1, v.lostCount());
            assertEquals("version 0 found, " + updated.getValue() + " acknowledged", v.lost().get(0).problem());
        }
    }

    @Test
    void aCopyOfAnAgentDatabaseIsStressedAndTheOriginalIsLeftAlone() throws Exception {
        assertEquals(0, cli().run("--db", "app.db", "init").code());
        byte[] before = Files.readAllBytes(dir.resolve("app.db"));
        Cli.Result r = cli().run("--db", "app.db", "stress-test", "--duration", "0.4", "--writers", "1", "--readers", "1");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("temporary copy of " + dir.resolve("app.db")), r::toString);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("app.db"))), "the original is unchanged");
    }

    @Test
    void inPlaceWritesIntoTheGivenDatabase() throws Exception {
        assertEquals(0, cli().run("--db", "app.db", "init").code());
        Cli.Result r = cli().run("--db", "app.db", "stress-test", "--in-place", "--workload", "telemetry", "--duration", "0.4",
                "--writers", "1", "--readers", "0");
        assertEquals(0, r.code(), r::toString);
        try (Database db = Database.open(dir.resolve("app.db"), OpenMode.READ_ONLY, 5000)) {
            assertTrue(db.queryLong("SELECT count(*) FROM telemetry") > 0);
        }
    }

    @Test
    void profileAtASmallScaleReportsEveryTargetWithP50AndP99AndExitsThreeOnlyOnAMiss() throws Exception {
        Cli.Result r = cli().run("stress-test", "--profile", "--scale", "0.002", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(root.get("all_met").asBoolean() ? 0 : 3, r.code(), r::toString);
        assertEquals(200, root.get("data").get("sessions").asLong());
        assertEquals(2000, root.get("data").get("messages").asLong());
        assertEquals(2000, root.get("data").get("telemetry").asLong());
        assertTrue(root.get("data").get("generate_s").asDouble() > 0);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (JsonNode c : root.get("checks")) {
            names.add(c.get("name").asText());
            assertTrue(c.get("p50_ms").asDouble() <= c.get("p99_ms").asDouble(), c::toString);
            assertEquals(c.get("p99_ms").asDouble() <= c.get("target_ms").asDouble(), c.get("met").asBoolean(), c::toString);
        }
        assertEquals(java.util.List.of("range query (24 h)", "aggregation per event type", "full scan (10,000 rows)",
                "session lookup and update", "messages of a session", "single insert", "batch insert (100)"), names);
        assertTrue(r.err().contains("generating"), "the note goes to stderr: " + r.err());
    }
}
