package dev.litectl.stress;

import dev.litectl.store.Session;
import dev.litectl.store.SessionStatus;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** {@link SessionsWorkload} through the store API: the same operations, names and weights. */
final class StoreSessionsWorkload implements Workload {
    @Override
    public WorkerLoop writer(WorkerContext ctx) throws SQLException {
        return new Writer(ctx);
    }

    @Override
    public WorkerLoop reader(WorkerContext ctx) throws SQLException {
        return new Reader(ctx);
    }

    private static final class Writer extends StoreLoop {
        private final JdbcLoop.Recent<String> mine = new JdbcLoop.Recent<>(1000);
        private final Map<String, Long> versions = new HashMap<>();

        Writer(WorkerContext ctx) throws SQLException {
            super(ctx, true);
        }

        @Override
        public Operation next() {
            if (mine.isEmpty() || ctx.random().nextInt(10) < 3) {
                String id = ctx.newKey("s");
                String model = SessionsWorkload.MODELS[ctx.random().nextInt(SessionsWorkload.MODELS.length)];
                return new Operation("sessions.create", true, () -> {
                    store.sessions().create(id, "session " + id.substring(1, 9), "{\"version\":0,\"turn\":0}",
                            "{\"client\":\"stress-test\",\"worker\":\"" + ctx.tag() + "\"}", model);
                    ctx.acks().add("sessions", id, 0);
                    mine.add(id);
                    versions.put(id, 0L);
                });
            }
            String id = mine.pick(ctx.random());
            long version = versions.get(id) + 1;
            return new Operation("sessions.update_state", true, () -> {
                if (store.sessions().updateState(id, "{\"version\":" + version + ",\"turn\":" + version * 2 + "}")) {
                    versions.put(id, version);
                    ctx.acks().add("sessions", id, version);
                }
            });
        }
    }

    private static final class Reader extends StoreLoop {
        private final JdbcLoop.Recent<String> seen = new JdbcLoop.Recent<>(200);

        Reader(WorkerContext ctx) throws SQLException {
            super(ctx, false);
        }

        @Override
        public Operation next() {
            if (!seen.isEmpty() && ctx.random().nextInt(10) < 6) {
                String id = seen.pick(ctx.random()); // the store gets by exact id: one that a listing returned
                return new Operation("sessions.get", false, () -> store.sessions().get(id));
            }
            return new Operation("sessions.list_active", false, () -> {
                for (Session s : store.sessions().list(SessionStatus.ACTIVE, null, 20)) {
                    seen.add(s.id());
                }
            });
        }
    }
}
