package dev.litectl.stress;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * SQLite's busy handler for a worker's connection, in place of {@code busy_timeout}: it waits and retries the
 * same way (the sleeps of SQLite's own handler, 1, 2, 5, 10 ... 100 ms, giving up after the busy timeout) but
 * counts every busy event (a statement that met a lock) and every retry, which {@code busy_timeout} cannot
 * report. Shorter sleeps were tried: they wake the waiting writers so often that on two cores they cost the
 * lock holder up to a third of its throughput.
 */
final class BusyCounter extends BusyHandler {
    // sqliteDefaultBusyCallback's delays in milliseconds; the last one repeats
    private static final int[] DELAYS_MS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
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
        long wait = DELAYS_MS[Math.min(previousInvocations, DELAYS_MS.length - 1)] * 1_000_000L;
        LockSupport.parkNanos(Math.min(wait, timeoutNanos - (now - firstBusy)));
        return 1;
    }
}
