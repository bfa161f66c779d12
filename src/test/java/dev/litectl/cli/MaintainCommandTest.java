package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.testing.Cli;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path db;
    Cli cli;

    @BeforeEach
    void createDatabaseWithOldAndNewRows() throws SQLException {
        cli = new Cli(dir);
        db = dir.resolve("app.db");
        assertEquals(0, cli.run("--db", db.toString(), "init").code());
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            for (int i = 0; i < 7; i++) {
                d.execute("INSERT INTO telemetry (timestamp, event_type, response_time_ms) VALUES (strftime('%Y-%m-%d %H:%M:%f', 'now', '-"
                        + (40 + i) + " days'), 'old', " + i + ")");
            }
            for (int i = 0; i < 3; i++) {
                d.execute("INSERT INTO telemetry (timestamp, event_type) VALUES (strftime('%Y-%m-%d %H:%M:%f', 'now', '-" + (i * 5) + " days'), 'new')");
            }
            for (int i = 0; i < 4; i++) {
                d.execute("INSERT INTO audit_log (timestamp, agent_id, operation, status, context_json) VALUES "
                        + "(strftime('%Y-%m-%d %H:%M:%f', 'now', '-60 days'), 'a', 'old-op', 'completed', '{\"i\":" + i + "}')");
            }
            d.execute("INSERT INTO audit_log (agent_id, operation, status) VALUES ('a', 'new-op', 'failed')");
            d.execute("INSERT INTO cache (key, value, expires_at) VALUES ('expired1', 'v', '2000-01-01 00:00:00.000'),"
                    + " ('expired2', x'00', strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 seconds')),"
                    + " ('live', 'v', strftime('%Y-%m-%d %H:%M:%f', 'now', '+1 day')), ('forever', 'v', NULL)");
        }
    }

    private JsonNode maintainJson(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--db", db.toString(), "maintain", "--format", "json"));
        args.addAll(List.of(extra));
        Cli.Result r = cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    private static JsonNode step(JsonNode report, String name) {
        for (JsonNode s : report.get("steps")) {
            if (s.get("step").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no step " + name + " in " + report);
    }

    private long count(String sql) throws SQLException {
        try (Database d = Database.open(db, OpenMode.READ_ONLY, 5000)) {
            return d.queryLong(sql);
        }
    }

    private String dump() throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Database d = Database.open(db, OpenMode.READ_ONLY, 5000)) {
            for (String t : List.of("telemetry", "telemetry_archive", "audit_log", "audit_log_archive", "cache")) {
                sb.append(t).append('=').append(d.queryString("SELECT group_concat(x, '|') FROM (SELECT json_array(*) AS x FROM "
                        + t + " ORDER BY 1)".replace("json_array(*)", t.equals("cache") ? "key || hit_count" : "id || timestamp"))).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void archivesExactlyTheOldRowsPurgesExpiredCacheAndReportsTheCounts() throws Exception {
        JsonNode report = maintainJson();
        assertTrue(report.get("ok").asBoolean());
        assertEquals(30, report.get("retain_days").asInt());
        assertEquals(List.of("purge-cache", "archive-telemetry", "archive-audit-log", "optimize", "incremental-vacuum"),
                report.get("steps").findValuesAsText("step"));
        assertEquals(2, step(report, "purge-cache").get("details").get("deleted").asInt());
        assertEquals(7, step(report, "archive-telemetry").get("details").get("archived").asInt());
        assertEquals(3, step(report, "archive-telemetry").get("details").get("kept").asInt());
        assertEquals(4, step(report, "archive-audit-log").get("details").get("archived").asInt());
        assertEquals(1, step(report, "archive-audit-log").get("details").get("kept").asInt());

        assertEquals(3, count("SELECT count(*) FROM telemetry WHERE event_type = 'new'"));
        assertEquals(0, count("SELECT count(*) FROM telemetry WHERE event_type = 'old'"));
        assertEquals(7, count("SELECT count(*) FROM telemetry_archive WHERE event_type = 'old'"));
        assertEquals(21, count("SELECT sum(response_time_ms) FROM telemetry_archive"), "the archived rows carry their values");
        assertEquals(4, count("SELECT count(*) FROM audit_log_archive WHERE operation = 'old-op' AND json_valid(context_json)"));
        assertEquals(1, count("SELECT count(*) FROM audit_log"));
        assertEquals(2, count("SELECT count(*) FROM cache WHERE key IN ('live', 'forever')"));
        assertEquals(2, count("SELECT count(*) FROM cache"));
    }

    @Test
    void runningTwiceChangesNothingTheSecondTime() throws Exception {
        maintainJson();
        String before = dump();
        JsonNode second = maintainJson();
        assertEquals(0, step(second, "purge-cache").get("details").get("deleted").asInt());
        assertEquals(0, step(second, "archive-telemetry").get("details").get("archived").asInt());
        assertEquals(0, step(second, "archive-audit-log").get("details").get("archived").asInt());
        assertEquals(before, dump());
    }

    @Test
    void deleteRemovesOldRowsWithoutArchiving() throws Exception {
        JsonNode report = maintainJson("--retain", "12", "--delete");
        assertEquals(List.of("purge-cache", "delete-telemetry", "delete-audit-log", "optimize", "incremental-vacuum"),
                report.get("steps").findValuesAsText("step"));
        assertEquals(7, step(report, "delete-telemetry").get("details").get("deleted").asInt());
        assertEquals(4, step(report, "delete-audit-log").get("details").get("deleted").asInt());
        assertEquals(3, count("SELECT count(*) FROM telemetry"));
        assertEquals(0, count("SELECT count(*) FROM telemetry_archive"));
        assertEquals(0, count("SELECT count(*) FROM audit_log_archive"));
    }

    @Test
    void retentionBoundaryFollowsDays() throws Exception {
        JsonNode report = maintainJson("--retain", "7");
        assertEquals(8, step(report, "archive-telemetry").get("details").get("archived").asInt(), "7 old rows and the one 10 days old");
        assertEquals(2, count("SELECT count(*) FROM telemetry"));
    }

    @Test
    void aFailingStepLeavesTheOthersWorkAndExitsOne() throws Exception {
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("DROP TABLE audit_log_archive");
        }
        Cli.Result r = cli.run("--db", db.toString(), "maintain");
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().startsWith("litectl: maintain: archive-audit-log: no such table: audit_log_archive"), r.err());
        assertTrue(r.out().contains("archive-audit-log   FAILED"), r.out());
        assertTrue(r.out().contains("optimize            ok"), r.out());
        assertEquals(0, count("SELECT count(*) FROM telemetry WHERE event_type = 'old'"), "telemetry was archived");
        assertEquals(5, count("SELECT count(*) FROM audit_log"), "the failed step rolled back and deleted nothing");
        assertEquals(2, count("SELECT count(*) FROM cache"));
    }

    @Test
    void onADatabaseCreatedByInitTheIncrementalVacuumReturnsTheFreedPages() throws Exception {
        assertEquals(2, count("PRAGMA auto_vacuum"), "init creates databases with auto_vacuum=INCREMENTAL");
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("INSERT INTO telemetry (timestamp, event_type, query) SELECT '2000-01-01 00:00:00.000', 'x', hex(randomblob(500))"
                    + " FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i FROM n)");
            d.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        long pagesBefore = count("PRAGMA page_count");
        Cli.Result r = cli.run("--db", db.toString(), "maintain", "--delete", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode vac = step(JSON.readTree(r.out()), "incremental-vacuum");
        assertTrue(vac.get("ok").asBoolean(), vac.toString());
        assertEquals("incremental", vac.get("details").get("auto_vacuum").asText());
        long freed = vac.get("details").get("pages_freed").asLong();
        assertTrue(freed > 500, vac.toString());
        assertEquals(0, count("PRAGMA freelist_count"));
        assertEquals(pagesBefore - freed, count("PRAGMA page_count"), "the freed pages left the file");
        JsonNode again = step(maintainJson("--delete"), "incremental-vacuum");
        assertEquals(0, again.get("details").get("pages_freed").asLong(), again.toString());
    }

    @Test
    void onAnOlderDatabaseWithoutIncrementalAutoVacuumTheStepIsSkippedWithTheReason() throws Exception {
        Path old = dir.resolve("old.db");
        try (Database d = Database.open(old)) {
            d.execute("PRAGMA auto_vacuum = NONE");
            d.execute("VACUUM");
        }
        assertEquals(0, cli.run("--db", old.toString(), "migrate").code());
        Cli.Result r = cli.run("--db", old.toString(), "maintain", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode vac = step(JSON.readTree(r.out()), "incremental-vacuum");
        assertTrue(vac.get("ok").asBoolean(), vac.toString());
        assertEquals("none", vac.get("details").get("auto_vacuum").asText());
        assertEquals(0, vac.get("details").get("pages_freed").asLong());
        assertTrue(vac.get("summary").asText().startsWith("skipped: auto_vacuum is none"), vac.toString());
        assertTrue(vac.get("summary").asText().contains("PRAGMA auto_vacuum = INCREMENTAL"), vac.toString());
        try (Database d = Database.open(old, OpenMode.READ_ONLY, 5000)) {
            assertEquals(0, d.queryLong("PRAGMA auto_vacuum"), "maintain does not change an existing database's mode");
        }
    }

    @Test
    void backupStepWritesAVerifiedCopyAndRotates() throws Exception {
        Path backups = dir.resolve("backups");
        for (int run = 0; run < 3; run++) {
            JsonNode report = maintainJson("--backup-to", backups.toString(), "--keep", "2");
            JsonNode b = step(report, "backup");
            assertTrue(b.get("ok").asBoolean(), b.toString());
            assertTrue(java.nio.file.Files.exists(Path.of(b.get("details").get("path").asText())));
            assertEquals(run < 2 ? 0 : 1, b.get("details").get("deleted").size(), b.toString());
        }
        try (var files = java.nio.file.Files.list(backups)) {
            List<Path> dbs = files.filter(f -> f.getFileName().toString().endsWith(".db")).toList();
            assertEquals(2, dbs.size(), dbs.toString());
            try (Database copy = Database.open(dbs.get(0), OpenMode.READ_ONLY, 5000)) {
                assertEquals(3, copy.queryLong("SELECT count(*) FROM telemetry"), "the backup holds the maintained database");
            }
        }
    }

    @Test
    void aFailingBackupIsAFailedStepAfterTheOthersDidTheirWork() throws Exception {
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("file.txt"), "x");
        Cli.Result r = cli.run("--db", db.toString(), "maintain", "--backup-to", notAFolder.resolve("sub").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("litectl: maintain: "), r.err());
        assertTrue(r.out().contains("backup") && r.out().contains("FAILED"), r.out());
        assertEquals(0, count("SELECT count(*) FROM telemetry WHERE event_type = 'old'"), "the maintenance steps still ran");
        Cli.Result keepAlone = cli.run("--db", db.toString(), "maintain", "--keep", "3");
        assertEquals(2, keepAlone.code(), keepAlone.toString());
    }

    @Test
    void badRetentionIsAUsageErrorAndAMissingDatabaseIsRefused() {
        Cli.Result neg = cli.run("--db", db.toString(), "maintain", "--retain", "-1");
        assertEquals(2, neg.code(), neg.toString());
        assertTrue(neg.err().contains("--retain must be 0 or more days"), neg.err());
        Cli.Result csv = cli.run("--db", db.toString(), "maintain", "--format", "csv");
        assertEquals(2, csv.code());
        Cli.Result missing = cli.run("--db", dir.resolve("nope.db").toString(), "maintain");
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("litectl: cannot open"), missing.err());
        assertTrue(!dir.resolve("nope.db").toFile().exists());
    }
}
