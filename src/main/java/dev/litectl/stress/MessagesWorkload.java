package dev.litectl.stress;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Conversations. Each writer works in a session of its own (a new one, {@code messages.new_session}, every 20
 * messages) and does 70% {@code messages.append} (one message, its parent the previous one) and 30%
 * {@code messages.record_tool} (an assistant message and the tool execution it made, in one transaction).
 * Readers: 70% {@code messages.list_session} (every message of a random message's session, in order), 30%
 * {@code messages.list_tools} (the tool executions of a random message's session).
 */
final class MessagesWorkload implements Workload {
    private static final String[] ROLES = {"user", "assistant"};
    private static final String[] TOOLS = {"read_file", "bash", "web_search", "edit_file"};

    @Override
    public WorkerLoop writer(WorkerContext ctx) throws SQLException {
        return new Writer(ctx);
    }

    @Override
    public WorkerLoop reader(WorkerContext ctx) throws SQLException {
        return new Reader(ctx);
    }

    private static final class Writer extends JdbcLoop {
        private final SessionsWorkload.Creator sessions;
        private final PreparedStatement append;
        private final PreparedStatement tool;
        private String session;
        private long parent = -1;
        private int inSession;

        Writer(WorkerContext ctx) throws SQLException {
            super(ctx);
            sessions = new SessionsWorkload.Creator(this);
            append = sql.prepare("INSERT INTO messages (session_id, role, content, parent_id, model, tokens_used) "
                    + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
            tool = sql.prepare("INSERT INTO tool_executions (message_id, session_id, tool_name, input, output, status, "
                    + "completed_at, duration_ms, tokens_used, cost_usd) "
                    + "VALUES (?, ?, ?, ?, ?, 'succeeded', strftime('%Y-%m-%d %H:%M:%f', 'now'), ?, ?, ?) RETURNING id");
        }

        @Override
        public Operation next() {
            if (session == null || inSession >= 20) {
                String id = ctx.newKey("s");
                return new Operation("messages.new_session", true, () -> {
                    sessions.create(id, "chat " + id.substring(1, 9), SessionsWorkload.MODELS[0]);
                    session = id;
                    parent = -1;
                    inSession = 0;
                });
            }
            int tokens = 20 + ctx.random().nextInt(800);
            String content = "message " + inSession + " of " + session + ": " + "lorem ipsum ".repeat(1 + tokens / 40);
            if (ctx.random().nextInt(10) < 7) {
                String role = ROLES[inSession % 2];
                return new Operation("messages.append", true, () -> {
                    begin();
                    long id = insertMessage(role, content, tokens);
                    commit();
                    acknowledge(id);
                });
            }
            String toolName = TOOLS[ctx.random().nextInt(TOOLS.length)];
            int duration = ctx.random().nextInt(2000);
            return new Operation("messages.record_tool", true, () -> {
                begin();
                long message = insertMessage("assistant", content, tokens);
                tool.setLong(1, message);
                tool.setString(2, session);
                tool.setString(3, toolName);
                tool.setString(4, "{\"path\":\"src/main.rs\",\"attempt\":1}");
                tool.setString(5, "ok: " + duration + " ms");
                tool.setInt(6, duration);
                tool.setInt(7, tokens / 2);
                tool.setDouble(8, tokens * 0.000002);
                long toolId = queryLong(tool);
                commit();
                acknowledge(message);
                ctx.acks().add("tool_executions", toolId);
            });
        }

        private long insertMessage(String role, String content, int tokens) throws SQLException {
            append.setString(1, session);
            append.setString(2, role);
            append.setString(3, content);
            if (parent < 0) {
                append.setNull(4, java.sql.Types.INTEGER);
            } else {
                append.setLong(4, parent);
            }
            append.setString(5, role.equals("assistant") ? SessionsWorkload.MODELS[0] : null);
            append.setInt(6, tokens);
            return queryLong(append);
        }

        private void acknowledge(long id) {
            parent = id;
            inSession++;
            ctx.acks().add("messages", id);
        }
    }

    private static final class Reader extends JdbcLoop {
        private final PreparedStatement maxId;
        private final PreparedStatement listSession;
        private final PreparedStatement listTools;
        private long max;
        private int sinceRefresh = Integer.MAX_VALUE;

        Reader(WorkerContext ctx) throws SQLException {
            super(ctx);
            maxId = sql.prepare("SELECT coalesce(max(id), 0) FROM messages");
            listSession = sql.prepare("SELECT id, role, content, created_at, tokens_used FROM messages "
                    + "WHERE session_id = (SELECT session_id FROM messages WHERE id = ?) ORDER BY id");
            listTools = sql.prepare("SELECT id, tool_name, status, duration_ms, started_at FROM tool_executions "
                    + "WHERE session_id = (SELECT session_id FROM messages WHERE id = ?) ORDER BY started_at");
        }

        @Override
        public Operation next() throws SQLException {
            if (++sinceRefresh > 100) {
                max = queryLong(maxId); // the newest id, so that picks spread over every message so far
                sinceRefresh = 0;
            }
            long pick = 1 + (max <= 1 ? 0 : ctx.random().nextLong(max));
            PreparedStatement ps = ctx.random().nextInt(10) < 7 ? listSession : listTools;
            String name = ps == listSession ? "messages.list_session" : "messages.list_tools";
            return new Operation(name, false, () -> {
                ps.setLong(1, pick);
                drain(ps);
            });
        }
    }
}
