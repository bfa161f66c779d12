package dev.litectl.stress;

import dev.litectl.store.Message;
import dev.litectl.store.NewMessage;
import dev.litectl.store.Role;
import dev.litectl.store.ToolExecution;
import java.sql.SQLException;

/**
 * {@link MessagesWorkload} through the store API. {@code record_tool} is one transaction: the store's calls
 * inside {@code pool.write} join it (message, tool started, tool succeeded). Readers list a session's messages
 * or a message's tool executions, for sessions and messages a listing returned.
 */
final class StoreMessagesWorkload implements Workload {
    private static final String[] TOOLS = {"read_file", "bash", "web_search", "edit_file"};

    @Override
    public WorkerLoop writer(WorkerContext ctx) throws SQLException {
        return new Writer(ctx);
    }

    @Override
    public WorkerLoop reader(WorkerContext ctx) throws SQLException {
        return new Reader(ctx);
    }

    private static final class Writer extends StoreLoop {
        private String session;
        private long parent = -1;
        private int inSession;

        Writer(WorkerContext ctx) throws SQLException {
            super(ctx, true);
        }

        @Override
        public Operation next() {
            if (session == null || inSession >= 20) {
                String id = ctx.newKey("s");
                return new Operation("messages.new_session", true, () -> {
                    store.sessions().create(id, "chat " + id.substring(1, 9), "{\"version\":0,\"turn\":0}",
                            "{\"client\":\"stress-test\"}", SessionsWorkload.MODELS[0]);
                    ctx.acks().add("sessions", id, 0);
                    session = id;
                    parent = -1;
                    inSession = 0;
                });
            }
            int tokens = 20 + ctx.random().nextInt(800);
            String content = "message " + inSession + " of " + session + ": " + "lorem ipsum ".repeat(1 + tokens / 40);
            if (ctx.random().nextInt(10) < 7) {
                Role role = inSession % 2 == 0 ? Role.USER : Role.ASSISTANT;
                return new Operation("messages.append", true, () -> acknowledge(store.messages().append(message(role, content, tokens)).id()));
            }
            String toolName = TOOLS[ctx.random().nextInt(TOOLS.length)];
            int duration = ctx.random().nextInt(2000);
            return new Operation("messages.record_tool", true, () -> {
                long[] ids = pool.write("stress-test: record tool", h -> {
                    Message m = store.messages().append(message(Role.ASSISTANT, content, tokens));
                    ToolExecution t = store.toolExecutions().start(m.id(), toolName, "{\"path\":\"src/main.rs\",\"attempt\":1}");
                    store.toolExecutions().succeed(t.id(), "ok: " + duration + " ms", tokens / 2, tokens * 0.000002);
                    return new long[] {m.id(), t.id()};
                });
                acknowledge(ids[0]);
                ctx.acks().add("tool_executions", ids[1]);
            });
        }

        private NewMessage message(Role role, String content, int tokens) {
            NewMessage m = NewMessage.of(session, role, content).withTokens(tokens);
            if (role == Role.ASSISTANT) {
                m = m.withModel(SessionsWorkload.MODELS[0]);
            }
            return parent < 0 ? m : m.withParent(parent);
        }

        private void acknowledge(long id) {
            parent = id;
            inSession++;
            ctx.acks().add("messages", id);
        }
    }

    private static final class Reader extends StoreLoop {
        private final JdbcLoop.Recent<String> sessions = new JdbcLoop.Recent<>(200);
        private final JdbcLoop.Recent<Long> messages = new JdbcLoop.Recent<>(200);

        Reader(WorkerContext ctx) throws SQLException {
            super(ctx, false);
        }

        @Override
        public Operation next() {
            if (sessions.isEmpty() || ctx.random().nextInt(20) == 0) {
                return new Operation("messages.list_sessions", false, () -> {
                    for (var s : store.sessions().list(null, null, 50)) {
                        sessions.add(s.id());
                    }
                });
            }
            if (messages.isEmpty() || ctx.random().nextInt(10) < 7) {
                String id = sessions.pick(ctx.random());
                return new Operation("messages.list_session", false, () -> {
                    for (Message m : store.messages().list(id)) {
                        messages.add(m.id());
                    }
                });
            }
            long message = messages.pick(ctx.random());
            return new Operation("messages.list_tools", false, () -> store.toolExecutions().listByMessage(message));
        }
    }
}
