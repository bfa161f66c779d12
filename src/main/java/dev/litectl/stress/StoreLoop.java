package dev.litectl.stress;

import dev.litectl.db.DatabasePool;
import dev.litectl.db.OpenMode;
import dev.litectl.db.PoolOptions;
import dev.litectl.store.AgentStore;
import java.sql.SQLException;

/**
 * Base of the loops that go through litectl's typed store API ({@link AgentStore}), the way an application
 * embeds litectl: each worker thread has a {@link DatabasePool} of its own (a writer thread: one writer and one
 * reader connection; a reader thread: one read connection), so threads still contend through SQLite's locks
 * rather than the pool's queue. The busy counter is installed on the pool's connections.
 */
abstract class StoreLoop implements WorkerLoop {
    final WorkerContext ctx;
    final DatabasePool pool;
    final AgentStore store;

    StoreLoop(WorkerContext ctx, boolean write) throws SQLException {
        this.ctx = ctx;
        this.pool = DatabasePool.open(ctx.database(), new PoolOptions(write ? OpenMode.READ_WRITE : OpenMode.READ_ONLY,
                ctx.busyTimeoutMs(), 1, 64));
        try {
            pool.read(h -> {
                ctx.setUp(h.connection());
                return null;
            });
            if (write) {
                pool.writeStatement("stress-test: busy counter", h -> {
                    ctx.setUp(h.connection());
                    return null;
                });
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.store = new AgentStore(pool);
    }

    @Override
    public void close() {
        pool.close();
    }
}
