package dev.litectl.stress;

import dev.litectl.db.FairBusyHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * SQLite's busy handler for a worker's connection: {@link FairBusyHandler}'s schedule (wait and retry until the
 * busy timeout, never sleeping more than 5 ms between tries, so that a writer that has waited long is not
 * starved by writers that keep retaking the lock), and it counts every busy event (a statement that met a lock)
 * and every retry, which {@code busy_timeout} cannot report. An earlier version slept 50 µs to 2 ms; its
 * wake-ups took a third of the lock holder's CPU on two cores.
 */
final class BusyCounter extends BusyHandler {
    /** The longest sleep between two tries, in milliseconds (the schedule of {@link FairBusyHandler}). */
    static final int MAX_DELAY_MS = FairBusyHandler.MAX_DELAY_MS;
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
        return FairBusyHandler.delayMs(previousInvocations);
    }
}
