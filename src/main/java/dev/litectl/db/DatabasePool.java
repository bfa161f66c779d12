package dev.litectl.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections of a multi-threaded application to one database, the way SQLite wants them: one writer
 * connection, which threads take in arrival order (a fair lock, so writes queue in the application instead of
 * meeting {@code SQLITE_BUSY}), and a few read connections that under WAL read alongside the writer. Every
 * connection has litectl's pragmas ({@link Database#open}) and caches its prepared statements. Lending a
 * reader takes no lock: a permit (one per reader, waited for in arrival order only when all are lent) and a
 * compare-and-set on the first free reader, so the readers used most stay the ones with warm caches.
 * Thread-safe. Error messages are built only when something fails. Errors are thrown as
 * {@link LitectlException} ({@link DatabaseBusyException} when another process held the lock past the busy
 * timeout); a failed write is rolled back.
 */
public final class DatabasePool implements AutoCloseable {
    private final Path path;
    private final PoolOptions options;
    private final Handle writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    // lent lowest free index first, so the readers used most (with the warmest page caches) are lent again
    private final Handle[] readers;
    private final Semaphore readerPermits;
    private volatile boolean closed;

    private DatabasePool(Path path, PoolOptions options, Handle writer, Handle[] readers) {
        this.path = path;
        this.options = options;
        this.writer = writer;
        this.readers = readers;
        this.readerPermits = new Semaphore(readers.length, true);
    }

    /** Opens {@code path} (creating it if missing) with {@link PoolOptions#defaults()}. */
    public static DatabasePool open(Path path) {
        return open(path, PoolOptions.defaults());
    }

    /**
     * Opens the writer first (creating the file when the mode says so) and switches the database to WAL if it
     * is not already (a lasting change: readers and the writer only work side by side under WAL), then the
     * readers. A read-only pool changes nothing and has no writer.
     */
    public static DatabasePool open(Path path, PoolOptions options) {
        Handle writer = options.mode() == OpenMode.READ_ONLY ? null
                : new Handle(Database.open(path, options.mode(), options.busyTimeoutMs()), options.statementCacheSize());
        List<Handle> readers = new ArrayList<>();
        try {
            if (writer != null && !"wal".equalsIgnoreCase(writer.database().queryString("PRAGMA journal_mode"))) {
                writer.database().execute("PRAGMA journal_mode = WAL");
            }
            for (int i = 0; i < options.readers(); i++) {
                readers.add(new Handle(Database.open(path, OpenMode.READ_ONLY, options.busyTimeoutMs()), options.statementCacheSize()));
            }
        } catch (SQLException e) {
            closeAll(writer, readers);
            throw SqliteErrors.translate("cannot open " + path, e);
        } catch (RuntimeException e) {
            closeAll(writer, readers);
            throw e;
        }
        return new DatabasePool(path, options, writer, readers.toArray(new Handle[0]));
    }

    private static void closeAll(Handle writer, List<Handle> readers) {
        readers.forEach(Handle::close);
        if (writer != null) {
            writer.close();
        }
    }

    public Path path() {
        return path;
    }

    public PoolOptions options() {
        return options;
    }

    /** Runs {@code work} on a read connection (waiting up to the busy timeout for a free one); it cannot write. */
    public <T> T read(HandleWork<T> work) {
        return read("cannot read", path, (h, p) -> work.run(h));
    }

    /** {@link #read(HandleWork)}, with {@code what} starting the message of any error. */
    public <T> T read(String what, HandleWork<T> work) {
        return read(what, null, (h, none) -> work.run(h));
    }

    /**
     * {@link #read(HandleWork)} for work with one argument, which also ends the message of any error
     * ({@code what + " " + argument}, built only on failure): {@code pool.read("cannot read session", id, Store::find)}.
     */
    public <A, T> T read(String what, A argument, HandleFunction<A, T> work) {
        Handle h = borrowReader(what, argument);
        try {
            return work.apply(h, argument);
        } catch (SQLException e) {
            throw SqliteErrors.translate(message(what, argument), e);
        } finally {
            returnReader(h);
        }
    }

    private static String message(String what, Object argument) {
        return argument == null ? what : what + " " + argument;
    }

    /**
     * Runs {@code work} in one transaction on the writer connection, taken with {@code BEGIN IMMEDIATE} after
     * the writes queued before it; commits if it returns, rolls back if it throws. A write inside a write
     * joins the outer transaction; a {@code read} inside a write uses a reader, which does not see the
     * uncommitted rows (read them through the write's handle instead).
     */
    public <T> T write(HandleWork<T> work) {
        return write("cannot write", path, (h, p) -> work.run(h));
    }

    /** {@link #write(HandleWork)}, with {@code what} starting the message of any error. */
    public <T> T write(String what, HandleWork<T> work) {
        return write(what, null, (h, none) -> work.run(h));
    }

    /** {@link #write(HandleWork)} for work with one argument, which also ends the message of any error. */
    public <A, T> T write(String what, A argument, HandleFunction<A, T> work) {
        Handle w = lockWriter(what, argument);
        try {
            if (writeLock.getHoldCount() > 1) {
                return work.apply(w, argument);
            }
            return inTransaction(w, work, argument);
        } catch (SQLException e) {
            throw SqliteErrors.translate(message(what, argument), e);
        } finally {
            writeLock.unlock();
        }
    }

    private static final CachedSql BEGIN = CachedSql.of("BEGIN IMMEDIATE");
    private static final CachedSql COMMIT = CachedSql.of("COMMIT");

    private static <A, T> T inTransaction(Handle w, HandleFunction<A, T> work, A argument) throws SQLException {
        w.prepare(BEGIN).execute();
        boolean committed = false;
        try {
            T result = work.apply(w, argument);
            w.prepare(COMMIT).execute();
            committed = true;
            return result;
        } finally {
            if (!committed) {
                w.database().rollbackQuietly();
            }
        }
    }

    /**
     * Runs {@code work}, which executes exactly one statement, on the writer connection in auto-commit mode:
     * SQLite makes the statement a transaction of its own, which saves the BEGIN and COMMIT of {@link #write}.
     * Work that runs several statements belongs in {@link #write}. Inside a {@code write} it joins that transaction.
     */
    public <T> T writeStatement(String what, HandleWork<T> work) {
        return writeStatement(what, null, (h, none) -> work.run(h));
    }

    /** {@link #writeStatement(String, HandleWork)} for work with one argument, which also ends the message of any error. */
    public <A, T> T writeStatement(String what, A argument, HandleFunction<A, T> work) {
        Handle w = lockWriter(what, argument);
        try {
            return work.apply(w, argument);
        } catch (SQLException e) {
            throw SqliteErrors.translate(message(what, argument), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} with the writer connection to itself and no transaction open, for what manages its own
     * transactions (a {@code Migrator}, {@code VACUUM}, a backup); other writes wait until it returns.
     */
    public <T> T exclusive(SqlWork<T> work) {
        Handle w = lockWriter("cannot write", path);
        try {
            return work.run(w.database());
        } catch (SQLException e) {
            throw SqliteErrors.translate("cannot write " + path, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * For an application's health endpoint: {@code PRAGMA quick_check} on a reader, a write probe (takes the
     * write lock, writes the header's user_version back unchanged, rolls back), and the WAL file's size.
     * Never throws: a failed probe is reported in the result.
     */
    public HealthResult health() {
        long start = System.nanoTime();
        String check;
        String error = null;
        try {
            check = read("quick_check", h -> {
                try (Statement s = h.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
                    return rs.next() ? rs.getString(1) : "ok";
                }
            });
        } catch (RuntimeException e) {
            check = "failed";
            error = e.getMessage();
        }
        boolean writable = false;
        if (writer != null) {
            try {
                writable = probeWrite();
            } catch (RuntimeException e) {
                error = error == null ? e.getMessage() : error;
            }
        }
        long wal = walBytes();
        long ms = (System.nanoTime() - start) / 1_000_000;
        boolean healthy = "ok".equals(check) && (writer == null || writable);
        return new HealthResult(healthy, check, writable, wal, ms, error);
    }

    private boolean probeWrite() {
        return exclusive(db -> {
            db.execute("BEGIN IMMEDIATE");
            try {
                long v = db.queryLong("PRAGMA user_version");
                db.execute("PRAGMA user_version = " + v);
                return true;
            } finally {
                db.rollbackQuietly();
            }
        });
    }

    private long walBytes() {
        try {
            Path wal = path.resolveSibling(path.getFileName() + "-wal");
            return Files.exists(wal) ? Files.size(wal) : 0L;
        } catch (IOException e) {
            return -1L;
        }
    }

    private Handle borrowReader(String what, Object argument) {
        if (closed) {
            throw closedError(what, argument);
        }
        if (!readerPermits.tryAcquire()) {
            waitForReader(what, argument);
        }
        // holding a permit, at least one reader is free; a scan can miss it only while others take and return
        Handle[] rs = readers;
        while (true) {
            for (Handle h : rs) {
                if (!h.lent.get() && h.lent.compareAndSet(false, true)) {
                    return h;
                }
            }
            Thread.onSpinWait();
        }
    }

    private void waitForReader(String what, Object argument) {
        try {
            if (!readerPermits.tryAcquire(Math.max(options.busyTimeoutMs(), 1), TimeUnit.MILLISECONDS)) {
                throw new DatabaseBusyException(message(what, argument) + ": no read connection became free within the busy timeout", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationInterruptedException(message(what, argument) + ": interrupted", e);
        }
    }

    private void returnReader(Handle h) {
        h.lent.set(false);
        readerPermits.release();
    }

    private Handle lockWriter(String what, Object argument) {
        if (closed) {
            throw closedError(what, argument);
        }
        if (writer == null) {
            throw new LitectlException(message(what, argument) + ": the pool was opened read-only");
        }
        try {
            // the timed tryLock keeps the fair lock's arrival order (the untimed one would jump the queue)
            if (!writeLock.tryLock(Math.max(options.busyTimeoutMs(), 1), TimeUnit.MILLISECONDS)) {
                throw new DatabaseBusyException(message(what, argument) + ": the writer connection stayed busy past the busy timeout", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationInterruptedException(message(what, argument) + ": interrupted", e);
        }
        return writer;
    }

    private static LitectlException closedError(String what, Object argument) {
        return new LitectlException(message(what, argument) + ": the pool is closed");
    }

    /** Closes every connection; work still running on a connection finishes first for the writer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Handle h : readers) {
            h.close();
        }
        if (writer != null) {
            writeLock.lock();
            try {
                writer.close();
            } finally {
                writeLock.unlock();
            }
        }
    }
}
