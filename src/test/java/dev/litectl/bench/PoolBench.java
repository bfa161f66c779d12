package dev.litectl.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.OpenMode;
import dev.litectl.db.PoolOptions;
import dev.litectl.db.SqliteErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteConfig;

/**
 * DatabasePool (one queued writer, LIFO readers, cached statements) against HikariCP over sqlite-jdbc with the
 * same pragmas and the same number of connections: THREADS threads, WRITE_PERCENT% single-row inserts, the
 * rest primary-key reads, for SECONDS each. Usage: PoolBench DB_FILE THREADS SECONDS WRITE_PERCENT
 */
public final class PoolBench {
    interface Exec {
        void read(String id) throws SQLException;

        void write(String type, double ms) throws SQLException;
    }

    private static final String READ = "SELECT id, name, state, status, updated_at FROM sessions WHERE id = ?";
    private static final String WRITE = "INSERT INTO telemetry (event_type, response_time_ms) VALUES (?, ?)";

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int writePercent = Integer.parseInt(args[3]);
        BenchData.build(file, 20_000, 10_000);
        System.out.println("| pool | threads | writes | ops/s | read p50 µs | read p99 µs | write p50 µs | write p99 µs | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int round = 0; round < 2; round++) {
            try (DatabasePool pool = DatabasePool.open(file, PoolOptions.defaults().withMode(OpenMode.READ_WRITE))) {
                run("DatabasePool (1 writer + 4 readers)", threads, seconds, writePercent, new Exec() {
                    public void read(String id) {
                        pool.read(h -> {
                            try (ResultSet rs = h.prepare(READ, id).executeQuery()) {
                                return rs.next() ? rs.getString(2) : null;
                            }
                        });
                    }

                    public void write(String type, double ms) {
                        pool.writeStatement("write", h -> h.update(WRITE, type, ms));
                    }
                });
            }
            SQLiteConfig sc = new SQLiteConfig();
            sc.setBusyTimeout(5000);
            sc.enforceForeignKeys(true);
            sc.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sc.setCacheSize(-32 * 1024);
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl("jdbc:sqlite:" + file);
            hc.setDataSourceProperties(sc.toProperties());
            hc.setMaximumPoolSize(5);
            hc.setMinimumIdle(5);
            try (HikariDataSource ds = new HikariDataSource(hc)) {
                run("HikariCP 5.1.0 (5 connections)", threads, seconds, writePercent, new Exec() {
                    public void read(String id) throws SQLException {
                        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(READ)) {
                            ps.setString(1, id);
                            try (ResultSet rs = ps.executeQuery()) {
                                if (rs.next()) {
                                    rs.getString(2);
                                }
                            }
                        }
                    }

                    public void write(String type, double ms) throws SQLException {
                        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(WRITE)) {
                            ps.setString(1, type);
                            ps.setDouble(2, ms);
                            ps.executeUpdate();
                        }
                    }
                });
            }
        }
    }

    private static void run(String name, int threads, int seconds, int writePercent, Exec exec) throws Exception {
        AtomicLong errors = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        List<long[]> reads = new ArrayList<>();
        List<long[]> writes = new ArrayList<>();
        int[] nr = new int[threads];
        int[] nw = new int[threads];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] r = new long[4_000_000];
            long[] w = new long[2_000_000];
            reads.add(r);
            writes.add(w);
            int id = t;
            Thread th = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(id);
                while (System.nanoTime() < end && nr[id] < r.length && nw[id] < w.length) {
                    boolean write = rnd.nextInt(100) < writePercent;
                    long s = System.nanoTime();
                    try {
                        if (write) {
                            exec.write("bench", rnd.nextDouble() * 100);
                            w[nw[id]++] = System.nanoTime() - s;
                        } else {
                            exec.read("s" + (1 + rnd.nextInt(20_000)));
                            r[nr[id]++] = System.nanoTime() - s;
                        }
                    } catch (SQLException | RuntimeException e) {
                        errors.incrementAndGet();
                        if (e instanceof SQLException se && SqliteErrors.isBusy(se)) {
                            busy.incrementAndGet();
                        }
                    }
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        long[] allR = merge(reads, nr);
        long[] allW = merge(writes, nw);
        System.out.printf(Locale.ROOT, "| %s | %d | %d%% | %.0f | %.1f | %.1f | %.1f | %.1f | %d (busy %d) |%n", name, threads, writePercent,
                (allR.length + allW.length) / (double) seconds, pct(allR, 50), pct(allR, 99), pct(allW, 50), pct(allW, 99), errors.get(), busy.get());
    }

    private static long[] merge(List<long[]> parts, int[] counts) {
        int total = Arrays.stream(counts).sum();
        long[] out = new long[total];
        int pos = 0;
        for (int i = 0; i < parts.size(); i++) {
            System.arraycopy(parts.get(i), 0, out, pos, counts[i]);
            pos += counts[i];
        }
        Arrays.sort(out);
        return out;
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))] / 1000.0;
    }
}
