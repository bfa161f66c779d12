package dev.litectl.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * The busy handler every connection {@link Database#open} makes gets, in place of SQLite's {@code busy_timeout}:
 * it waits and retries until the busy timeout as that does, but never sleeps more than {@link #MAX_DELAY_MS}
 * between two tries.
 *
 * <p>SQLite's write lock is a try-lock with no queue: a waiter gets it only by trying while it happens to be free.
 * SQLite's own schedule sleeps 1, 2, 5, 10 ... up to 100 ms, so a writer that has waited long tries only every
 * 100 ms, while writers that have just started try after 1, 2 and 5 ms and the writer that just committed takes
 * the lock again at its next write. Under sustained writes from several processes (a bot, its web chat and a cron
 * job on one file) the old waiter then loses race after race and fails with {@code SQLITE_BUSY} although the lock
 * was free many times: stress-test traced three writers waiting the whole 5 s while two other processes committed
 * about 1,800 transactions. Capping the sleep keeps a long waiter's odds from decaying with its wait; the first
 * sleeps stay SQLite's, so a short wait costs nothing more, and 5 ms is long enough that waiters' wake-ups do not
 * take the CPU from the lock holder.
 */
public class FairBusyHandler extends BusyHandler {
    /** The longest sleep between two tries, in milliseconds. */
    public static final int MAX_DELAY_MS = 5;
    // the start of sqliteDefaultBusyCallback's delays, then MAX_DELAY_MS (the last one repeats)
    private static final int[] DELAYS_MS = {1, 2, MAX_DELAY_MS};

    private final long timeoutNanos;
    private long firstBusy;

    /** A handler that waits up to {@code timeoutMs} for a lock; subclasses may count what it does. */
    protected FairBusyHandler(int timeoutMs) {
        this.timeoutNanos = Math.max(timeoutMs, 0) * 1_000_000L;
    }

    /** Installs the handler on {@code connection}, waiting up to {@code timeoutMs} for a lock. */
    public static void install(Connection connection, int timeoutMs) throws SQLException {
        BusyHandler.setHandler(connection, new FairBusyHandler(timeoutMs));
    }

    /** How long to sleep before try number {@code previousInvocations + 1}, in milliseconds. */
    public static int delayMs(int previousInvocations) {
        return DELAYS_MS[Math.min(previousInvocations, DELAYS_MS.length - 1)];
    }

    @Override
    protected final int callback(int previousInvocations) {
        long now = System.nanoTime();
        if (previousInvocations == 0) {
            firstBusy = now;
            busy();
        }
        long waited = now - firstBusy;
        if (waited >= timeoutNanos) {
            gaveUp();
            return 0;
        }
        retrying();
        LockSupport.parkNanos(Math.min(delayMs(previousInvocations) * 1_000_000L, timeoutNanos - waited));
        return 1;
    }

    /** A statement met a lock (once per statement, before its first wait). */
    protected void busy() {}

    /** The handler is about to wait and try again. */
    protected void retrying() {}

    /** The busy timeout has passed: the statement fails with {@code SQLITE_BUSY}. */
    protected void gaveUp() {}
}
