package dev.litectl.bench;

import dev.litectl.db.Database;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.OpenMode;
import dev.litectl.db.PoolOptions;
import dev.litectl.store.AgentStore;
import dev.litectl.store.AuditFilter;
import dev.litectl.store.AuditStatus;
import dev.litectl.store.NewAuditEntry;
import dev.litectl.store.NewMessage;
import dev.litectl.store.NewTask;
import dev.litectl.store.NewTelemetryEvent;
import dev.litectl.store.Role;
import dev.litectl.store.SessionStatus;
import dev.litectl.store.TaskStatus;
import dev.litectl.store.Timestamps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * p50/p99 of every store operation against the same operation written as plain JDBC (one connection, prepared
 * statements kept, every column read), call by call in the same run. Each operation is measured in a JVM of its
 * own, on the database built once. Per operation: a warm-up of ITERATIONS
 * calls per side (so both sides run JIT-compiled code on warm page caches), then ITERATIONS timed calls per side
 * (a tenth of that for the two slow queries), alternating store and JDBC. WAL checkpoints are taken between timed
 * calls (automatic checkpoints off on both writing connections): SQLite charges a checkpoint to whichever
 * connection's commit crosses the 1000-page mark, which is neither layer's cost and would otherwise decide the
 * write p99s by chance.
 * Usage: StoreBench DB_FILE SESSIONS TELEMETRY_ROWS ITERATIONS [OPERATIONS_REGEX]
 */
public final class StoreBench {
    interface Body {
        void run(int i) throws Exception;
    }

    record Op(String name, Body store, Body jdbc) {}

    private static final String T = "strftime('%Y-%m-%d %H:%M:%f', 'now')";
    // column reads of the JDBC side, one letter per column, the same getters as the store's row mappers:
    // S getString, L getLong, I getInt, l/i/d getLong/getInt/getDouble then wasNull, b getLong then wasNull as 0/1, O getObject
    private static final String SESSION = "SSSSSSSSS";
    private static final String MESSAGE = "LSSSSlSiSS";
    private static final String TOOL = "LLSSSSSSSSlIidS";
    private static final String TASK = "LSSSSSISSSSSSS";

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--one")) {
            measureOne(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            return;
        }
        Path file = Path.of(args[0]);
        int sessions = Integer.parseInt(args[1]);
        int telemetry = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 4 && !args[4].isEmpty() ? args[4] : ".*");
        long t0 = System.nanoTime();
        BenchData.build(file, sessions, telemetry);
        System.out.printf(Locale.ROOT, "# built %s: %d sessions, %d messages, %d telemetry rows in %.1f s%n", file, sessions, sessions * 2,
                telemetry, (System.nanoTime() - t0) / 1e9);
        List<String> names = new ArrayList<>();
        try (DatabasePool pool = DatabasePool.open(file, PoolOptions.defaults().withMode(OpenMode.READ_WRITE));
                Database plainDb = Database.open(file, OpenMode.READ_WRITE, 5000)) {
            for (Op op : ops(new AgentStore(pool), new Plain(plainDb.connection()), new SplittableRandom(42), sessions, Instant.now())) {
                if (only.matcher(op.name()).find()) {
                    names.add(op.name());
                }
            }
        }
        System.out.println("| operation | calls | store p50 µs | store p99 µs | JDBC p50 µs | JDBC p99 µs | store/JDBC p50 | store/JDBC p99 | within 10% |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        double worst50 = 0, worst99 = 0;
        String worst50Op = "", worst99Op = "";
        int within = 0;
        for (String name : names) {
            String row = fork(file, sessions, iterations, name);
            System.out.println(row);
            String[] c = row.split("\\|");
            double r50 = Double.parseDouble(c[7].trim()), r99 = Double.parseDouble(c[8].trim());
            within += c[9].trim().equals("yes") ? 1 : 0;
            if (r50 > worst50) {
                worst50 = r50;
                worst50Op = name;
            }
            if (r99 > worst99) {
                worst99 = r99;
                worst99Op = name;
            }
        }
        System.out.printf(Locale.ROOT, "%n%d of %d operations within 10%% at p50 and p99; highest store/JDBC p50 %.2f (%s), p99 %.2f (%s)%n",
                within, names.size(), worst50, worst50Op, worst99, worst99Op);
    }

    /**
     * Each operation runs in a JVM of its own (as JMH forks), so that neither side's code is compiled with the
     * profile of the operations measured before it: the JDBC side's shared query loop otherwise slows down as
     * more operations pass through it, which flattered the store by up to 30% on some operations.
     */
    private static String fork(Path file, int sessions, int iterations, String name) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), StoreBench.class.getName(), "--one", file.toString(),
                String.valueOf(sessions), String.valueOf(iterations), name)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || !out.startsWith("|")) {
            throw new IllegalStateException("measuring " + name + " failed: " + out);
        }
        return out;
    }

    private static void measureOne(Path file, int sessions, int iterations, String name) throws Exception {
        try (DatabasePool pool = DatabasePool.open(file, PoolOptions.defaults().withMode(OpenMode.READ_WRITE));
                Database plainDb = Database.open(file, OpenMode.READ_WRITE, 5000)) {
            pool.exclusive(db -> {
                db.execute("PRAGMA wal_autocheckpoint = 0");
                return null;
            });
            plainDb.execute("PRAGMA wal_autocheckpoint = 0");
            checkpointer = plainDb;
            Op op = ops(new AgentStore(pool), new Plain(plainDb.connection()), new SplittableRandom(42), sessions, Instant.now()).stream()
                    .filter(o -> o.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException("no operation " + name));
            boolean slow = op.name().startsWith("telemetry.stats") || op.name().startsWith("audit.query");
            int n = slow ? Math.max(iterations / 10, 100) : iterations;
            measure(op, n);
            long[][] t = measure(op, n);
            long[] s = t[0];
            long[] j = t[1];
            Arrays.sort(s);
            Arrays.sort(j);
            double s50 = pct(s, n, 50), s99 = pct(s, n, 99), j50 = pct(j, n, 50), j99 = pct(j, n, 99);
            double r50 = s50 / j50, r99 = s99 / j99;
            boolean ok = r50 <= 1.10 && r99 <= 1.10;
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %s |%n", op.name(), n, s50, s99, j50, j99,
                    r50, r99, ok ? "yes" : "NO");
        }
    }

    private static List<Op> ops(AgentStore store, Plain p, SplittableRandom rnd, int sessions, Instant now) {
        ids = new String[sessions + 1];
        keys = new String[sessions + 1];
        for (int i = 1; i <= sessions; i++) {
            ids[i] = "s" + i;
            keys[i] = "k" + i;
        }
        List<Op> ops = new ArrayList<>();
        ops.add(new Op("sessions.get", i -> store.sessions().get(sid(rnd, sessions)),
                i -> p.query("SELECT id, name, state, metadata, status, model, created_at, updated_at, deleted_at FROM sessions"
                        + " WHERE id = ? AND deleted_at IS NULL", SESSION, sid(rnd, sessions))));
        ops.add(new Op("sessions.list", i -> store.sessions().list(SessionStatus.ACTIVE, null, 20),
                i -> p.query("SELECT id, name, state, metadata, status, model, created_at, updated_at, deleted_at FROM sessions"
                        + " WHERE deleted_at IS NULL AND status = ? AND updated_at >= ? ORDER BY updated_at DESC LIMIT ?", SESSION, "active", "", 20)));
        ops.add(new Op("sessions.create", i -> store.sessions().create("store-" + i, "n", "{}", null, null),
                i -> p.query("INSERT INTO sessions (id, name, state, metadata, model) VALUES (?, ?, ?, ?, ?) RETURNING id, name, state,"
                        + " metadata, status, model, created_at, updated_at, deleted_at", SESSION, "jdbc-" + i, "n", "{}", null, null)));
        ops.add(new Op("sessions.updateState", i -> store.sessions().updateState(sid(rnd, sessions), "{\"step\":2}"),
                i -> p.update("UPDATE sessions SET state = ? WHERE id = ? AND deleted_at IS NULL", "{\"step\":2}", sid(rnd, sessions))));
        ops.add(new Op("messages.append", i -> store.messages().append(NewMessage.of(sid(rnd, sessions), Role.USER, "hello").withTokens(5)),
                i -> p.query("INSERT INTO messages (session_id, role, content, parent_id, model, tokens_used, finish_reason, metadata)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, session_id, role, content, created_at, parent_id, model,"
                        + " tokens_used, finish_reason, metadata", MESSAGE, sid(rnd, sessions), "user", "hello", null, null, 5, null, null)));
        ops.add(new Op("messages.list", i -> store.messages().list(sid(rnd, sessions)),
                i -> p.query("SELECT id, session_id, role, content, created_at, parent_id, model, tokens_used, finish_reason, metadata"
                        + " FROM messages WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?", MESSAGE, sid(rnd, sessions), 0, Integer.MAX_VALUE)));
        ops.add(new Op("messages.countTokens", i -> store.messages().countTokens(sid(rnd, sessions)),
                i -> p.query("SELECT coalesce(sum(tokens_used), 0) FROM messages WHERE session_id = ?", "L", sid(rnd, sessions))));
        ops.add(new Op("tools.start", i -> store.toolExecutions().start(1 + rnd.nextInt(sessions * 2), "grep", "{}"),
                i -> p.query("INSERT INTO tool_executions (message_id, session_id, tool_name, input) SELECT id, session_id, ?, ?"
                        + " FROM messages WHERE id = ? RETURNING id, message_id, session_id, tool_name, input, output, status, error,"
                        + " started_at, completed_at, duration_ms, retry_count, tokens_used, cost_usd, metadata", TOOL, "grep", "{}",
                        1 + rnd.nextInt(sessions * 2))));
        ops.add(new Op("cache.get", i -> store.cache().get(keys[1 + rnd.nextInt(sessions)]),
                i -> p.query("UPDATE cache SET hit_count = hit_count + 1, last_hit_at = " + T + " WHERE key = ? AND (expires_at IS NULL"
                        + " OR expires_at > " + T + ") RETURNING key, value, created_at, expires_at, hit_count", "SOSSL", keys[1 + rnd.nextInt(sessions)])));
        ops.add(new Op("cache.put", i -> store.cache().put(keys[1 + rnd.nextInt(sessions)], "v" + i, Duration.ofHours(1)),
                i -> p.update("INSERT INTO cache (key, value, expires_at) VALUES (?, ?, CASE WHEN ? IS NULL THEN NULL ELSE strftime("
                        + "'%Y-%m-%d %H:%M:%f', 'now', ?) END) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at ="
                        + " excluded.expires_at, created_at = excluded.created_at, hit_count = 0, last_hit_at = NULL",
                        keys[1 + rnd.nextInt(sessions)], "v" + i, "+3600.000 seconds", "+3600.000 seconds")));
        ops.add(new Op("telemetry.record", i -> store.telemetry().record(NewTelemetryEvent.of("event_" + (i % 10), 12.5, 100, true)),
                i -> p.query("INSERT INTO telemetry (event_type, query, response_time_ms, tokens_used, success, session_id, metadata)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", "L", "event_" + (i % 10), null, 12.5, 100, 1, null, null)));
        ops.add(new Op("telemetry.range(1h,type)", i -> {
            Instant from = now.minusSeconds(3600L * (1 + rnd.nextInt(700)));
            store.telemetry().range(from, from.plusSeconds(3600), "event_" + (i % 10), 100);
        }, i -> {
            Instant from = now.minusSeconds(3600L * (1 + rnd.nextInt(700)));
            p.query("SELECT id, timestamp, event_type, query, response_time_ms, tokens_used, success, session_id, metadata FROM telemetry"
                    + " WHERE event_type = ? AND timestamp >= ? AND timestamp < ? ORDER BY timestamp, id LIMIT ?", "LSSSdibSS",
                    "event_" + (i % 10), Timestamps.format(from), Timestamps.format(from.plusSeconds(3600)), 100);
        }));
        ops.add(new Op("telemetry.stats(1h)", i -> {
            Instant from = now.minusSeconds(3600L * (1 + rnd.nextInt(700)));
            store.telemetry().stats(from, from.plusSeconds(3600));
        }, i -> {
            Instant from = now.minusSeconds(3600L * (1 + rnd.nextInt(700)));
            p.query(STATS, "SLddL", Timestamps.format(from), Timestamps.format(from.plusSeconds(3600)));
        }));
        ops.add(new Op("tasks.create", i -> store.tasks().create(NewTask.of("t" + i).withPriority(i % 10)),
                i -> p.query("INSERT INTO tasks (title, description, priority, session_id, user_id, metadata) VALUES (?, ?, ?, ?, ?, ?)"
                        + " RETURNING id, session_id, user_id, title, description, status, priority, result, error, created_at,"
                        + " updated_at, started_at, completed_at, metadata", TASK, "t" + i, null, i % 10, null, null, null)));
        ops.add(new Op("tasks.listByStatus", i -> store.tasks().listByStatus(TaskStatus.PENDING, 20),
                i -> p.query("SELECT id, session_id, user_id, title, description, status, priority, result, error, created_at,"
                        + " updated_at, started_at, completed_at, metadata FROM tasks WHERE status = ? ORDER BY priority DESC,"
                        + " created_at, id LIMIT ?", TASK, "pending", 20)));
        ops.add(new Op("audit.append", i -> store.audit().append(NewAuditEntry.of("agent-" + (i % 50), "op", AuditStatus.COMPLETED)),
                i -> p.query("INSERT INTO audit_log (agent_id, operation, status, target, session_id, duration_ms, error_message,"
                        + " context_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", "L", "agent-" + (i % 50), "op", "completed",
                        null, null, null, null, null)));
        ops.add(new Op("audit.query(agent)", i -> store.audit().query(AuditFilter.latest(20).withAgent("agent-" + (i % 50))),
                i -> p.query("SELECT \"id\", \"timestamp\", \"agent_id\", \"operation\", \"status\", \"target\", \"session_id\","
                        + " \"duration_ms\", \"error_message\", \"context_json\" FROM \"audit_log\" WHERE \"agent_id\" = ?"
                        + " ORDER BY \"id\" DESC LIMIT ?", "LSSSSSSlSS", "agent-" + (i % 50), 20)));
        return ops;
    }

    private static final String STATS = "WITH t AS (SELECT event_type, response_time_ms, tokens_used,"
            + " row_number() OVER (PARTITION BY event_type ORDER BY response_time_ms IS NULL, response_time_ms) AS rn,"
            + " count(response_time_ms) OVER (PARTITION BY event_type) AS n"
            + " FROM telemetry WHERE timestamp >= ? AND timestamp < ?)"
            + " SELECT event_type, count(*), avg(response_time_ms),"
            + " max(CASE WHEN rn = (95 * n + 99) / 100 THEN response_time_ms END), sum(coalesce(tokens_used, 0))"
            + " FROM t GROUP BY event_type ORDER BY event_type";

    // ids and keys made before timing, so neither side pays for building them
    private static String[] ids;
    private static String[] keys;
    private static Database checkpointer;

    private static String sid(SplittableRandom rnd, int sessions) {
        return ids[1 + rnd.nextInt(sessions)];
    }

    private static int seq;

    /**
     * Calls alternate store, JDBC, JDBC, store, … so that load from elsewhere hits both sides alike; every 100
     * pairs, an untimed checkpoint keeps the WAL short.
     */
    private static long[][] measure(Op op, int n) throws Exception {
        long[][] out = new long[2][n];
        for (int k = 0; k < n; k++) {
            if (k % 101 == 100) { // 101: the side that writes first after it alternates
                checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            for (int side = 0; side < 2; side++) {
                int which = (k + side) % 2;
                Body body = which == 0 ? op.store() : op.jdbc();
                long t = System.nanoTime();
                body.run(++seq);
                out[which][k] = System.nanoTime() - t;
            }
        }
        return out;
    }

    private static double pct(long[] sorted, int n, int p) {
        int idx = Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1);
        return sorted[Math.max(idx, 0)] / 1000.0;
    }

    /**
     * Hand-written JDBC: one connection, statements prepared once and kept, every column read with the getter
     * its type calls for (as the store's row mappers do), each row into an array.
     */
    static final class Plain {
        private final Connection c;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        Plain(Connection c) {
            this.c = c;
        }

        private PreparedStatement prepare(String sql, Object... params) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                statements.put(sql, ps);
            }
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        }

        List<Object[]> query(String sql, String columns, Object... params) throws SQLException {
            List<Object[]> rows = new ArrayList<>();
            int n = columns.length();
            try (ResultSet rs = prepare(sql, params).executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int k = 0; k < n; k++) {
                        row[k] = read(rs, k + 1, columns.charAt(k));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        private static Object read(ResultSet rs, int col, char type) throws SQLException {
            switch (type) {
                case 'S':
                    return rs.getString(col);
                case 'L':
                    return rs.getLong(col);
                case 'I':
                    return rs.getInt(col);
                case 'l': {
                    long v = rs.getLong(col);
                    return rs.wasNull() ? null : v;
                }
                case 'i': {
                    int v = rs.getInt(col);
                    return rs.wasNull() ? null : v;
                }
                case 'd': {
                    double v = rs.getDouble(col);
                    return rs.wasNull() ? null : v;
                }
                case 'b': {
                    long v = rs.getLong(col);
                    return rs.wasNull() ? null : v != 0;
                }
                default:
                    return rs.getObject(col);
            }
        }

        int update(String sql, Object... params) throws SQLException {
            return prepare(sql, params).executeUpdate();
        }
    }
}
