package dev.litectl.stress;

import dev.litectl.db.Database;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * The seeds' latency targets as a profile: generates {@link ProfileData} in a temporary database with the
 * built-in schema, then times each common operation single-threaded (after a warm-up) and compares its p99 with
 * the target. The temporary database is deleted afterwards. Failures are {@link LitectlException}s.
 */
public final class StressProfile {
    private static final String SEED_004 = "seed 004 (expected performance)";
    private static final String SEED_000 = "seed 000 (common ops < 10 ms)";

    private StressProfile() {}

    /** Runs the profile on {@code scale} x the default data size; {@code seed} drives the data and the picks. */
    public static ProfileResult run(double scale, long seed) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("the scale must be more than 0");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("litectl-profile-");
        } catch (IOException e) {
            throw new LitectlException("stress-test --profile: cannot create a temporary folder: " + e.getMessage(), e);
        }
        Path path = dir.resolve("profile.db");
        try (Database db = Database.open(path, OpenMode.CREATE, Database.DEFAULT_BUSY_TIMEOUT_MS)) {
            new Migrator(db, MigrationSource.builtin()).migrate();
            ProfileData data = ProfileData.generate(db, scale, seed);
            List<ProfileCheck> checks = new ProfileRunner(db, data, new SplittableRandom(seed + 1)).runAll();
            return new ProfileResult(scale, data.sessionIds.length, data.messages, data.telemetry, data.seconds, checks);
        } catch (SQLException e) {
            throw SqliteErrors.translate("stress-test --profile", e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    /** Times the operations; each is a prepared statement (or a few) on the one connection. */
    private static final class ProfileRunner {
        private final Database db;
        private final ProfileData data;
        private final SplittableRandom random;

        ProfileRunner(Database db, ProfileData data, SplittableRandom random) {
            this.db = db;
            this.data = data;
            this.random = random;
        }

        interface Step {
            void run() throws SQLException;
        }

        List<ProfileCheck> runAll() throws SQLException {
            List<ProfileCheck> checks = new ArrayList<>();
            var c = db.connection();
            try (PreparedStatement insert = c.prepareStatement(TelemetryWorkload.INSERT.replace(" RETURNING id", ""));
                 PreparedStatement begin = c.prepareStatement("BEGIN IMMEDIATE");
                 PreparedStatement commit = c.prepareStatement("COMMIT");
                 PreparedStatement range = c.prepareStatement("SELECT id, timestamp, query, response_time_ms, tokens_used, success "
                         + "FROM telemetry WHERE event_type = ? AND timestamp >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 day') "
                         + "ORDER BY timestamp DESC");
                 PreparedStatement aggregate = c.prepareStatement(TelemetryWorkload.AGGREGATE);
                 PreparedStatement scan = c.prepareStatement("SELECT * FROM telemetry ORDER BY id DESC LIMIT 10000");
                 PreparedStatement getSession = c.prepareStatement("SELECT id, name, state, status, model, updated_at FROM sessions WHERE id = ?");
                 PreparedStatement updateSession = c.prepareStatement(
                         "UPDATE sessions SET state = json_set(coalesce(state, '{}'), '$.version', json_extract(state, '$.version') + 1) WHERE id = ?");
                 PreparedStatement messages = c.prepareStatement(
                         "SELECT id, role, content, created_at, tokens_used FROM messages WHERE session_id = ? ORDER BY id")) {
                aggregate.setString(1, "-1 day");
                // reads first, so that the rows the insert checks add do not change what the reads measure
                checks.add(time("range query (24 h)", "every event of one type in the last 24 hours, newest first, all rows fetched",
                        10, SEED_004, 100, () -> {
                            range.setString(1, TelemetryWorkload.EVENTS[random.nextInt(TelemetryWorkload.EVENTS.length)]);
                            JdbcLoop.drain(range);
                        }));
                checks.add(time("aggregation per event type", "count, avg response time, tokens, failures per event type, last 24 hours",
                        25, SEED_004, 100, () -> JdbcLoop.drain(aggregate)));
                checks.add(time("full scan (10,000 rows)", "the newest 10,000 telemetry rows, every column", 100, SEED_004, 30,
                        () -> JdbcLoop.drain(scan)));
                checks.add(time("session lookup and update", "get a session by id, then a new version of its JSON state (own transaction)",
                        10, SEED_000, 1000, () -> {
                            String id = data.sessionIds[random.nextInt(data.sessionIds.length)];
                            getSession.setString(1, id);
                            JdbcLoop.drain(getSession);
                            updateSession.setString(1, id);
                            updateSession.executeUpdate();
                        }));
                checks.add(time("messages of a session", "a session's messages in order (10 per session)", 10, SEED_000, 1000, () -> {
                    messages.setString(1, data.sessionIds[random.nextInt(data.sessionIds.length)]);
                    JdbcLoop.drain(messages);
                }));
                checks.add(time("single insert", "one telemetry event, its own transaction", 1, SEED_004, 1000, () -> {
                    TelemetryWorkload.bind(insert, random.nextLong(), "profile");
                    insert.executeUpdate();
                }));
                checks.add(time("batch insert (100)", "100 telemetry events in one transaction (JDBC batch)", 50, SEED_004, 100, () -> {
                    begin.execute();
                    for (int i = 0; i < 100; i++) {
                        TelemetryWorkload.bind(insert, random.nextLong(), "profile");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    commit.execute();
                }));
            }
            return checks;
        }

        private ProfileCheck time(String name, String description, double targetMs, String source, int samples, Step step)
                throws SQLException {
            for (int i = 0; i < Math.max(5, samples / 10); i++) {
                step.run(); // warm-up: JIT, page cache, prepared statements
            }
            Histogram h = new Histogram(3);
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                step.run();
                h.recordValue(Math.max(1, System.nanoTime() - t0));
            }
            double p50 = h.getValueAtPercentile(50) / 1e6;
            double p99 = h.getValueAtPercentile(99) / 1e6;
            return new ProfileCheck(name, description, samples, round(p50), round(p99), targetMs, source, p99 <= targetMs);
        }

        private static double round(double ms) {
            return Math.round(ms * 1000) / 1000.0;
        }
    }
}
