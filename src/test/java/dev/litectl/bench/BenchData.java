package dev.litectl.bench;

import dev.litectl.db.Database;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Builds the benchmark database: the built-in schema with sessions, messages, telemetry, audit, tasks and cache rows. */
final class BenchData {
    private BenchData() {}

    static Path build(Path file, int sessions, int telemetry) throws Exception {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        try (Database db = Database.open(file)) {
            new Migrator(db, MigrationSource.builtin()).migrate();
            db.writeTransaction(d -> {
                fill(d, sessions, telemetry);
                return null;
            });
            db.execute("PRAGMA optimize");
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return file;
    }

    private static void fill(Database d, int sessions, int telemetry) throws SQLException {
        String seq = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) ";
        d.execute(String.format(seq, sessions) + "INSERT INTO sessions (id, name, state, status, created_at, updated_at)"
                + " SELECT 's' || i, 'session ' || i, json_object('step', i % 7),"
                + " CASE i % 4 WHEN 0 THEN 'active' WHEN 1 THEN 'paused' WHEN 2 THEN 'completed' ELSE 'archived' END,"
                + " strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (i % 43200) || ' minutes'),"
                + " strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (i % 43200) || ' minutes') FROM n");
        d.execute(String.format(seq, sessions * 2) + "INSERT INTO messages (session_id, role, content, tokens_used)"
                + " SELECT 's' || (1 + i % " + sessions + "), CASE i % 2 WHEN 0 THEN 'user' ELSE 'assistant' END,"
                + " 'message text ' || i, i % 500 FROM n");
        d.execute(String.format(seq, telemetry) + "INSERT INTO telemetry (timestamp, event_type, response_time_ms, tokens_used, success, session_id)"
                + " SELECT strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (i * 2.592 * 1000000 / " + telemetry + ") || ' seconds'),"
                + " 'event_' || (i % 10), (i * 7919) % 2000 / 10.0, i % 300, (i % 20) <> 0, 's' || (1 + i % " + sessions + ") FROM n");
        d.execute(String.format(seq, sessions) + "INSERT INTO audit_log (timestamp, agent_id, operation, status)"
                + " SELECT strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || i || ' seconds'), 'agent-' || (i % 50), 'op', 'completed' FROM n");
        d.execute(String.format(seq, sessions / 10) + "INSERT INTO tasks (title, priority, status)"
                + " SELECT 'task ' || i, i % 10, CASE i % 3 WHEN 0 THEN 'pending' WHEN 1 THEN 'active' ELSE 'completed' END FROM n");
        d.execute(String.format(seq, sessions) + "INSERT INTO cache (key, value, expires_at)"
                + " SELECT 'k' || i, 'value ' || i, strftime('%Y-%m-%d %H:%M:%f', 'now', '+1 day') FROM n");
    }
}
