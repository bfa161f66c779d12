package dev.litectl.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.testing.Cli;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On an undamaged database with the built-in schema, filled by a workload, recover gives back exactly the source. */
class RecoverRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void recoveringAnUndamagedAgentDatabaseReproducesEveryTableSchemaObjectAndSetting() throws Exception {
        Path source = dir.resolve("agent.db");
        Cli cli = new Cli(dir);
        assertEquals(0, cli.run("--db", source.toString(), "init").code());
        fill(source);
        Path out = dir.resolve("recovered.db");
        Cli.Result r = cli.run("--db", source.toString(), "recover", "--to", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());

        List<String> tables = TableComparison.tables(source);
        assertEquals(tables, TableComparison.tables(out));
        assertTrue(tables.size() >= 10, tables.toString());
        for (String t : tables) {
            assertEquals(TableComparison.rows(source, t), TableComparison.rows(out, t), "table " + t);
        }
        assertEquals(TableComparison.rows(source, "sqlite_sequence"), TableComparison.rows(out, "sqlite_sequence"));
        assertEquals(schema(source), schema(out));
        assertEquals(pragma(source, "user_version"), pragma(out, "user_version"));
        assertEquals(pragma(source, "journal_mode"), pragma(out, "journal_mode"));
        assertEquals("ok", pragma(out, "integrity_check"));
        assertEquals(0, cli.run("--db", out.toString(), "migration-status", "--check").code());
        assertTrue(r.out().contains("messages"), r.out());
    }

    private static List<String> schema(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = Corpus.connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return out;
    }

    private static String pragma(Path db, String name) throws Exception {
        try (Connection c = Corpus.connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.getString(1);
        }
    }

    /** A workload over every table: sessions with messages (some long enough to overflow), tool calls, cache, etc. */
    private static void fill(Path db) throws Exception {
        Random r = new Random(42);
        try (Connection c = Corpus.connect(db)) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO sessions (id, name, state, metadata, status, model) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 60; i++) {
                    s.setString(1, "s-" + i);
                    s.setString(2, "session " + i + " \u2603");
                    s.setString(3, "{\"step\":" + i + "}");
                    s.setString(4, i % 3 == 0 ? null : "{\"tags\":[\"a\",\"b\"]}");
                    s.setString(5, new String[] {"active", "paused", "completed", "archived"}[i % 4]);
                    s.setString(6, "model-" + (i % 3));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement m = c.prepareStatement(
                    "INSERT INTO messages (session_id, role, content, parent_id, model, tokens_used, finish_reason, metadata) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= 800; i++) {
                    m.setString(1, "s-" + r.nextInt(60));
                    m.setString(2, new String[] {"system", "user", "assistant", "tool"}[i % 4]);
                    m.setString(3, "message " + i + " " + "token ".repeat(i % 25 == 0 ? 3000 : r.nextInt(40)));
                    if (i > 1 && i % 2 == 0) {
                        m.setInt(4, i - 1);
                    } else {
                        m.setNull(4, java.sql.Types.INTEGER);
                    }
                    m.setString(5, "model-1");
                    m.setInt(6, r.nextInt(5000));
                    m.setString(7, i % 4 == 2 ? "stop" : null);
                    m.setString(8, null);
                    m.executeUpdate();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO tool_executions (message_id, session_id, tool_name, input, output, status, "
                        + "duration_ms, tokens_used, cost_usd) SELECT id, session_id, 'tool-' || (id % 7), "
                        + "json_object('n', id), printf('%.*c', id % 300, 'x'), 'succeeded', id * 3, id, id / 1000.0 "
                        + "FROM messages WHERE role = 'tool'");
                s.execute("INSERT INTO cache (key, value, expires_at, hit_count) SELECT 'k' || id, "
                        + "CASE id % 4 WHEN 0 THEN randomblob(id % 2000) WHEN 1 THEN id * 1.5 WHEN 2 THEN id ELSE content END, "
                        + "CASE WHEN id % 2 = 0 THEN '2030-01-01 00:00:00.000' END, id % 9 FROM messages WHERE id <= 300");
                s.execute("INSERT INTO telemetry (event_type, query, response_time_ms, tokens_used, success, session_id) "
                        + "SELECT 'query', content, id / 7.0, id, id % 2, session_id FROM messages WHERE id <= 500");
                s.execute("DELETE FROM telemetry WHERE id > 480");
                s.execute("INSERT INTO telemetry_archive (id, timestamp, event_type) "
                        + "SELECT id, timestamp, event_type FROM telemetry WHERE id <= 50");
                s.execute("INSERT INTO tasks (session_id, user_id, title, status, priority, result) "
                        + "SELECT id, 'u' || (rowid % 5), 'task for ' || name, 'completed', rowid % 3, '{\"ok\":true}' FROM sessions");
                s.execute("INSERT INTO audit_log (agent_id, operation, status, target, duration_ms, context_json) "
                        + "SELECT 'agent-' || (id % 4), 'op', 'completed', 't' || id, id, '{}' FROM messages WHERE id <= 400");
                s.execute("INSERT INTO metadata (key, value) VALUES ('owner', 'tests'), ('schema', 'builtin')");
                s.execute("DELETE FROM messages WHERE id % 50 = 7 AND id NOT IN (SELECT message_id FROM tool_executions) "
                        + "AND id NOT IN (SELECT parent_id FROM messages WHERE parent_id IS NOT NULL)");
            }
            c.commit();
        }
    }
}
