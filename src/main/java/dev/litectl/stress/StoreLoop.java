package dev.litectl.stress;

import dev.litectl.db.DatabasePool;
import dev.litectl.db.OpenMode;
import dev.litectl.db.PoolOptions;
import dev.litectl.store.AgentStore;
import java.sql.SQLException;

/**
 * Base of the loops that go through litectl's typed store API ({@link AgentStore}), the way an application
 * embeds litectl. Each worker thread has one {@link ThreadStore} (an {@code AgentStore} over a
 * {@link DatabasePool} of its own: a writer thread's has one writer and one reader connection, a reader
 * thread's one read connection), shared by every loop the thread runs (the four parts of {@code mixed}), so
 * that, as the issue asks, each thread has its own connection and threads contend through SQLite's locks
 * rather than the pool's queue. The busy counter is installed on the pool's connections.
 */
abstract class StoreLoop implements WorkerLoop {
    final WorkerContext ctx;
    final DatabasePool pool;
    final AgentStore store;

    StoreLoop(WorkerContext ctx, boolean write) throws SQLException {
        this.ctx = ctx;
        ThreadStore s = ctx.threadStore(write);
        this.pool = s.pool();
        this.store = s.store();
    }

    /** The store lives as long as the worker's context, which closes it; a loop has nothing of its own. */
    @Override
    public void close() {
        // nothing: the pool belongs to the worker thread (WorkerContext#close)
    }

    /** A worker thread's store: its pool and the {@code AgentStore} over it. */
    static final class ThreadStore implements AutoCloseable {
        private final DatabasePool pool;
        private final AgentStore store;
        private final boolean write;

        private ThreadStore(DatabasePool pool, boolean write) {
            this.pool = pool;
            this.store = new AgentStore(pool);
            this.write = write;
        }

        DatabasePool pool() {
            return pool;
        }

        AgentStore store() {
            return store;
        }

        boolean write() {
            return write;
        }

        static ThreadStore open(WorkerContext ctx, boolean write) throws SQLException {
            DatabasePool pool = DatabasePool.open(ctx.database(), new PoolOptions(write ? OpenMode.READ_WRITE : OpenMode.READ_ONLY,
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
            return new ThreadStore(pool, write);
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
