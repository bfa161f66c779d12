package dev.litectl.stress;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a worker's loop gets: its own connection (and, for the store layer, its own store), its own seeded random
 * source, a tag that makes the keys it creates unique across threads, processes and runs, and the log of writes
 * it had acknowledged.
 */
final class WorkerContext implements AutoCloseable {
    private final Connection connection;
    private final SplittableRandom random;
    private final String tag;
    private final AckLog acks;
    private final Path database;
    private final int busyTimeoutMs;
    private final ConnectionSetup setup;
    private StoreLoop.ThreadStore threadStore;

    /** What is done to every connection a worker uses (the busy counter). */
    interface ConnectionSetup {
        void apply(Connection connection) throws SQLException;
    }

    WorkerContext(Connection connection, SplittableRandom random, String tag, AckLog acks, Path database, int busyTimeoutMs,
                  ConnectionSetup setup) {
        this.connection = connection;
        this.random = random;
        this.tag = tag;
        this.acks = acks;
        this.database = database;
        this.busyTimeoutMs = busyTimeoutMs;
        this.setup = setup;
    }

    /** The database file, for a layer that opens connections of its own. */
    Path database() {
        return database;
    }

    int busyTimeoutMs() {
        return busyTimeoutMs;
    }

    /** Sets up a connection the worker opened itself as the runner set up {@link #connection()}. */
    void setUp(Connection c) throws SQLException {
        setup.apply(c);
    }

    /**
     * The worker thread's store (opened on first use, then shared by every loop of the thread); a writer
     * thread's can write, a reader thread's cannot.
     */
    StoreLoop.ThreadStore threadStore(boolean write) throws SQLException {
        if (threadStore == null) {
            threadStore = StoreLoop.ThreadStore.open(this, write);
        } else if (threadStore.write() != write) {
            throw new IllegalStateException("a worker thread is either a writer or a reader");
        }
        return threadStore;
    }

    /** Closes the thread's store, if it opened one (its own connection is the runner's). */
    @Override
    public void close() {
        if (threadStore != null) {
            threadStore.close();
            threadStore = null;
        }
    }

    Connection connection() {
        return connection;
    }

    SplittableRandom random() {
        return random;
    }

    String tag() {
        return tag;
    }

    AckLog acks() {
        return acks;
    }

    /** A new key: 16 random hex digits (spread over the index like a UUID) and this worker's tag. */
    String newKey(String prefix) {
        return prefix + String.format("%016x", random.nextLong()) + "-" + tag;
    }

    /** The statements a loop prepares on its connection, closed together. */
    static final class Statements implements AutoCloseable {
        private final Connection connection;
        private final List<PreparedStatement> all = new ArrayList<>();

        Statements(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(sql);
            all.add(ps);
            return ps;
        }

        @Override
        public void close() {
            for (PreparedStatement ps : all) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing after the run: the connection is closed next anyway
                }
            }
        }
    }
}
