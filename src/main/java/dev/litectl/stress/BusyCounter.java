package dev.litectl.stress;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * SQLite's busy handler for a worker's connection, in place of {@code busy_timeout}: it waits and retries until
 * the busy timeout (counting every busy event, a statement that met a lock, and every retry, which
 * {@code busy_timeout} cannot report), but never sleeps longer than {@link #MAX_DELAY_MS} between tries.
 *
 * <p>Why not SQLite's own schedule (sleeps of 1, 2, 5, 10 ... growing to 100 ms): SQLite's write lock is a
 * try-lock with no queue, so a waiter gets it only if it tries while the lock happens to be free. With that
 * schedule a writer that has waited long tries only every 100 ms, while a writer that has just started tries
 * after 1, 2 and 5 ms, and the writer that just committed takes the lock again the moment it starts its next
 * write. Under sustained contention (8 or 12 writers in 2 or 3 processes on 2 busy cores) the old waiter
 * loses nearly every race: a traced run showed three writers of one process waiting the whole 5 s while the
 * other processes committed about 2,000 transactions, and the run failed with {@code SQLITE_BUSY}. Capping the
 * sleep keeps a long waiter's odds from decaying with its wait. The early sleeps stay SQLite's (1, 2 ms), and
 * the cap stays well above the 50 µs to 2 ms sleeps of an earlier handler, whose wake-ups took a third of the
 * lock holder's CPU on two cores.
 */
final class BusyCounter extends BusyHandler {
    /** The longest sleep between two tries, in milliseconds. */
    static final int MAX_DELAY_MS = 5;
    // the start of sqliteDefaultBusyCallback's delays, then MAX_DELAY_MS (the last one repeats)
    private static final int[] DELAYS_MS = {1, 2, MAX_DELAY_MS};
    private final long timeoutNanos;
    private final LongAdder events;
    private final LongAdder retries;
    private final LongAdder gaveUp;
    private long firstBusy;

    private BusyCounter(long timeoutNanos, LongAdder events, LongAdder retries, LongAdder gaveUp) {
        this.timeoutNanos = timeoutNanos;
        this.events = events;
        this.retries = retries;
        this.gaveUp = gaveUp;
    }

    /** Installs a counter on {@code connection} that adds to the shared totals. */
    static void install(Connection connection, int timeoutMs, LongAdder events, LongAdder retries, LongAdder gaveUp)
            throws SQLException {
        BusyHandler.setHandler(connection, new BusyCounter(timeoutMs * 1_000_000L, events, retries, gaveUp));
    }

    @Override
    protected int callback(int previousInvocations) {
        long now = System.nanoTime();
        if (previousInvocations == 0) {
            events.increment();
            firstBusy = now;
        }
        if (now - firstBusy >= timeoutNanos) {
            gaveUp.increment();
            return 0;
        }
        retries.increment();
        long wait = delayMs(previousInvocations) * 1_000_000L;
        LockSupport.parkNanos(Math.min(wait, timeoutNanos - (now - firstBusy)));
        return 1;
    }

    /** How long to sleep before try number {@code previousInvocations + 1}, in milliseconds. */
    static int delayMs(int previousInvocations) {
        return DELAYS_MS[Math.min(previousInvocations, DELAYS_MS.length - 1)];
    }
}
