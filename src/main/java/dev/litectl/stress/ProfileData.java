package dev.litectl.stress;

import dev.litectl.db.Database;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Generates the profile's data set in one transaction with prepared batch inserts: {@code scale} x (100k
 * sessions, 1M messages, ten per session, each the reply to the one before, 1M telemetry events), spread
 * evenly over the last 90 days (the retention the seeds archive after), so the last 24 hours hold about 1/90
 * of the events. Then {@code ANALYZE}, as a maintained database would have, and WAL mode.
 */
final class ProfileData {
    static final int DAYS = 90;
    static final long SESSIONS = 100_000;
    static final long MESSAGES_PER_SESSION = 10;
    static final long TELEMETRY = 1_000_000;
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int BATCH = 1000;

    final String[] sessionIds;
    final long messages;
    final long telemetry;
    final double seconds;

    private ProfileData(String[] sessionIds, long messages, long telemetry, double seconds) {
        this.sessionIds = sessionIds;
        this.messages = messages;
        this.telemetry = telemetry;
        this.seconds = seconds;
    }

    static ProfileData generate(Database db, double scale, long seed) throws SQLException {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        int sessions = (int) Math.max(1, Math.round(SESSIONS * scale));
        long events = Math.max(1, Math.round(TELEMETRY * scale));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long spanMillis = DAYS * 86_400_000L;
        String[] ids = new String[sessions];
        for (int i = 0; i < sessions; i++) {
            ids[i] = String.format("s%016x", random.nextLong());
        }
        // inserted in key order, the primary key and idx_messages_session grow at their right edge instead of
        // splitting pages all over: the same rows, several times faster to load
        java.util.Arrays.sort(ids);
        // a bulk load: rollback journal (new pages need no journal, where WAL would write every page twice) and a
        // cache that holds the indexes being filled; the database is switched to WAL and the usual cache after
        db.queryString("PRAGMA journal_mode = DELETE");
        db.execute("PRAGMA cache_size = -262144");
        db.writeTransaction(d -> {
            try (PreparedStatement s = d.connection().prepareStatement(
                    "INSERT INTO sessions (id, name, state, metadata, status, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement m = d.connection().prepareStatement(
                    "INSERT INTO messages (id, session_id, role, content, created_at, parent_id, model, tokens_used) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                long messageId = 0;
                for (int i = 0; i < sessions; i++) {
                    LocalDateTime created = now.minusNanos((spanMillis - spanMillis * i / sessions) * 1_000_000L);
                    String ts = created.format(TS);
                    s.setString(1, ids[i]);
                    s.setString(2, "session " + i);
                    s.setString(3, "{\"version\":0,\"turn\":" + MESSAGES_PER_SESSION + "}");
                    s.setString(4, "{\"client\":\"profile\"}");
                    s.setString(5, i % 10 == 0 ? "completed" : "active");
                    s.setString(6, SessionsWorkload.MODELS[i % SessionsWorkload.MODELS.length]);
                    s.setString(7, ts);
                    s.setString(8, ts);
                    s.addBatch();
                    for (int k = 0; k < MESSAGES_PER_SESSION; k++) {
                        messageId++;
                        m.setLong(1, messageId);
                        m.setString(2, ids[i]);
                        m.setString(3, k % 2 == 0 ? "user" : "assistant");
                        m.setString(4, "message " + k + " of session " + i + ": how do I read a file in Rust without loading it whole?");
                        m.setString(5, ts);
                        if (k == 0) {
                            m.setNull(6, java.sql.Types.INTEGER);
                        } else {
                            m.setLong(6, messageId - 1);
                        }
                        m.setString(7, k % 2 == 0 ? null : "claude-sonnet");
                        m.setInt(8, 20 + random.nextInt(800));
                        m.addBatch();
                        if (messageId % BATCH == 0) {
                            s.executeBatch(); // sessions first: the messages refer to them
                            m.executeBatch();
                        }
                    }
                }
                s.executeBatch();
                m.executeBatch();
            }
            try (PreparedStatement t = d.connection().prepareStatement(
                    "INSERT INTO telemetry (timestamp, event_type, query, response_time_ms, tokens_used, success, session_id, metadata) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < events; i++) {
                    long r = random.nextLong();
                    int type = (int) Math.floorMod(r, TelemetryWorkload.EVENTS.length);
                    t.setString(1, now.minusNanos((spanMillis - spanMillis * i / events) * 1_000_000L).format(TS));
                    t.setString(2, TelemetryWorkload.EVENTS[type]);
                    t.setString(3, "how do I " + (r >>> 40));
                    t.setDouble(4, Math.floorMod(r >> 8, 5000) / 10.0);
                    t.setInt(5, (int) Math.floorMod(r >> 20, 2000));
                    t.setInt(6, type == 5 ? 0 : 1);
                    t.setString(7, ids[(int) (i % sessions)]);
                    t.setString(8, "{\"source\":\"profile\"}");
                    t.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        t.executeBatch();
                    }
                }
                t.executeBatch();
            }
            return null;
        });
        db.execute("PRAGMA cache_size = -32768");
        db.execute("ANALYZE");
        db.queryString("PRAGMA journal_mode = WAL");
        return new ProfileData(ids, (long) sessions * MESSAGES_PER_SESSION, events, (System.nanoTime() - start) / 1e9);
    }
}
