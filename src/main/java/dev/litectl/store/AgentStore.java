package dev.litectl.store;

import dev.litectl.db.DatabasePool;

/**
 * Typed access to litectl's built-in agent schema (migrate the database with
 * {@code MigrationSource.builtin()} first) through a {@link DatabasePool}: reads on the pool's readers, writes
 * queued on its writer. Each operation is one prepared statement or one transaction, cached per connection.
 * Thread-safe. Failures are thrown as {@link dev.litectl.db.LitectlException} whose message names the
 * operation and SQLite's reason (for example a CHECK that refused invalid JSON).
 */
public final class AgentStore {
    private final DatabasePool pool;
    private final SessionStore sessions;
    private final MessageStore messages;
    private final ToolExecutionStore tools;
    private final CacheStore cache;
    private final TelemetryStore telemetry;
    private final TaskStore tasks;
    private final AuditLog audit;

    public AgentStore(DatabasePool pool) {
        this.pool = pool;
        this.sessions = new SessionStore(pool);
        this.messages = new MessageStore(pool);
        this.tools = new ToolExecutionStore(pool);
        this.cache = new CacheStore(pool);
        this.telemetry = new TelemetryStore(pool);
        this.tasks = new TaskStore(pool);
        this.audit = new AuditLog(pool);
    }

    public DatabasePool pool() {
        return pool;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public MessageStore messages() {
        return messages;
    }

    public ToolExecutionStore toolExecutions() {
        return tools;
    }

    public CacheStore cache() {
        return cache;
    }

    public TelemetryStore telemetry() {
        return telemetry;
    }

    public TaskStore tasks() {
        return tasks;
    }

    public AuditLog audit() {
        return audit;
    }
}
