package dev.litectl.bench;

import dev.litectl.db.Database;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reference for {@code scripts/bench stress}: the write operations of {@code stress-test --workload telemetry}
 * (90% one event, 10% ten events, each an explicit BEGIN IMMEDIATE ... COMMIT transaction, INSERT ... RETURNING id)
 * in a bare loop on raw sqlite-jdbc connections with the same pragmas, and SQLite's own busy_timeout: no
 * histogram, no busy counting, no acknowledgement log, no litectl class in the loop. The database is created
 * with the built-in schema beforehand (not timed). Prints {@code writes_per_s N}.
 *
 * <p>Usage: {@code PlainJdbcWritesBench WRITERS SECONDS}
 */
public final class PlainJdbcWritesBench {
    static final String INSERT = "INSERT INTO telemetry (event_type, query, response_time_ms, tokens_used, success, session_id, metadata) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
    static final String[] EVENTS = {"query", "completion", "tool_call", "cache_hit", "cache_miss", "error"};

    private PlainJdbcWritesBench() {}

    public static void main(String[] args) throws Exception {
        int writers = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        Path dir = Files.createTempDirectory("plain-jdbc-bench");
        Path db = dir.resolve("bench.db");
        try (Database d = Database.open(db)) {
            new Migrator(d, MigrationSource.builtin()).migrate();
        }
        LongAdder ops = new LongAdder();
        long end = System.currentTimeMillis() + (long) (seconds * 1000);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            long seed = w;
            Thread t = new Thread(() -> {
                try {
                    loop(db, seed, end, ops);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf(java.util.Locale.ROOT, "writes_per_s %.1f%n", ops.sum() / seconds);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static void loop(Path db, long seed, long end, LongAdder ops) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA cache_size = -32768");
            try (PreparedStatement begin = c.prepareStatement("BEGIN IMMEDIATE");
                 PreparedStatement commit = c.prepareStatement("COMMIT");
                 PreparedStatement insert = c.prepareStatement(INSERT)) {
                SplittableRandom random = new SplittableRandom(seed);
                while (System.currentTimeMillis() < end) {
                    int rows = random.nextInt(10) == 0 ? 10 : 1;
                    begin.execute();
                    for (int i = 0; i < rows; i++) {
                        long r = random.nextLong();
                        int type = (int) Math.floorMod(r, EVENTS.length);
                        insert.setString(1, EVENTS[type]);
                        insert.setString(2, "how do I " + (r >>> 40));
                        insert.setDouble(3, Math.floorMod(r >> 8, 5000) / 10.0);
                        insert.setInt(4, (int) Math.floorMod(r >> 20, 2000));
                        insert.setInt(5, type == 5 ? 0 : 1);
                        insert.setString(6, "bench");
                        insert.setString(7, "{\"source\":\"stress-test\"}");
                        try (ResultSet rs = insert.executeQuery()) {
                            rs.next();
                            rs.getLong(1);
                        }
                    }
                    commit.execute();
                    ops.increment();
                }
            }
        }
    }
}
