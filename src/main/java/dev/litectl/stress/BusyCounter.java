package dev.litectl.stress;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * SQLite's busy handler for a worker's connection, in place of {@code busy_timeout}: it waits and retries the
 * same way (short sleeps growing to 2 ms, giving up after the busy timeout) but counts every busy event (a
 * statement that met a lock) and every retry, which {@code busy_timeout} cannot report.
 */
final class BusyCounter extends BusyHandler {
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
        // 50 us, doubling to 2 ms: short waits keep throughput up when the lock is held for a few microseconds
        long wait = Math.min(2_000_000L, 50_000L << Math.min(previousInvocations, 6));
        LockSupport.parkNanos(Math.min(wait, timeoutNanos - (now - firstBusy)));
        return 1;
    }
}
