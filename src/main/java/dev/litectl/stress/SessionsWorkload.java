package dev.litectl.stress;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sessions of an agent. Writers: 30% {@code sessions.create} (a new session with JSON state and metadata), 70%
 * {@code sessions.update_state} (a new version of the JSON state of one of their sessions; the last committed
 * version is what verification expects to read back). Readers: 60% {@code sessions.get} (one session by id),
 * 40% {@code sessions.list_active} (the 20 most recently updated active sessions).
 */
final class SessionsWorkload implements Workload {
    static final String[] MODELS = {"claude-sonnet", "claude-haiku", "gpt-4o", "llama-3"};

    @Override
    public WorkerLoop writer(WorkerContext ctx) throws SQLException {
        return new Writer(ctx);
    }

    @Override
    public WorkerLoop reader(WorkerContext ctx) throws SQLException {
        return new Reader(ctx);
    }

    /** Creates one session (its own transaction) and acknowledges it with state version 0. */
    static final class Creator {
        private final JdbcLoop loop;
        private final PreparedStatement insert;

        Creator(JdbcLoop loop) throws SQLException {
            this.loop = loop;
            this.insert = loop.sql.prepare(
                    "INSERT INTO sessions (id, name, state, metadata, model) VALUES (?, ?, ?, ?, ?)");
        }

        void create(String id, String name, String model) throws SQLException {
            loop.begin();
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, "{\"version\":0,\"turn\":0}");
            insert.setString(4, "{\"client\":\"stress-test\",\"worker\":\"" + loop.ctx.tag() + "\"}");
            insert.setString(5, model);
            insert.executeUpdate();
            loop.commit();
            loop.ctx.acks().add("sessions", id, 0);
        }
    }

    private static final class Writer extends JdbcLoop {
        private final Creator creator;
        private final PreparedStatement update;
        private final Recent<String> mine = new Recent<>(1000);
        private final Map<String, Long> versions = new HashMap<>();

        Writer(WorkerContext ctx) throws SQLException {
            super(ctx);
            creator = new Creator(this);
            update = sql.prepare("UPDATE sessions SET state = json_set(coalesce(state, '{}'), '$.version', ?, '$.turn', ?), "
                    + "status = ? WHERE id = ?");
        }

        @Override
        public Operation next() {
            if (mine.isEmpty() || ctx.random().nextInt(10) < 3) {
                String id = ctx.newKey("s");
                String model = MODELS[ctx.random().nextInt(MODELS.length)];
                return new Operation("sessions.create", true, () -> {
                    creator.create(id, "session " + id.substring(1, 9), model);
                    mine.add(id);
                    versions.put(id, 0L);
                });
            }
            String id = mine.pick(ctx.random());
            long version = versions.get(id) + 1;
            String status = ctx.random().nextInt(20) == 0 ? "paused" : "active";
            return new Operation("sessions.update_state", true, () -> {
                begin();
                update.setLong(1, version);
                update.setLong(2, version * 2);
                update.setString(3, status);
                update.setString(4, id);
                int n = update.executeUpdate();
                commit();
                if (n == 1) {
                    versions.put(id, version);
                    ctx.acks().add("sessions", id, version);
                }
            });
        }
    }

    private static final class Reader extends JdbcLoop {
        private final PreparedStatement get;
        private final PreparedStatement listActive;

        Reader(WorkerContext ctx) throws SQLException {
            super(ctx);
            get = sql.prepare("SELECT id, name, state, status, model, updated_at FROM sessions WHERE id >= ? ORDER BY id LIMIT 1");
            listActive = sql.prepare("SELECT id, name, model, updated_at FROM sessions "
                    + "WHERE status = 'active' AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 20");
        }

        @Override
        public Operation next() {
            if (ctx.random().nextInt(10) < 6) {
                String probe = String.format("s%016x", ctx.random().nextLong());
                return new Operation("sessions.get", false, () -> {
                    get.setString(1, probe);
                    drain(get);
                });
            }
            return new Operation("sessions.list_active", false, () -> drain(listActive));
        }
    }
}
