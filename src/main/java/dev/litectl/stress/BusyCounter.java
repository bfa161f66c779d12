package dev.litectl.stress;

import dev.litectl.db.FairBusyHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import org.sqlite.BusyHandler;

/**
 * SQLite's busy handler for a worker's connection: {@link FairBusyHandler}'s schedule (wait and retry until the
 * busy timeout, never sleeping more than 5 ms between tries, so that a writer that has waited long is not
 * starved by writers that keep retaking the lock), and it counts every busy event (a statement that met a lock)
 * and every retry, which {@code busy_timeout} cannot report. An earlier version slept 50 µs to 2 ms; its
 * wake-ups took a third of the lock holder's CPU on two cores.
 */
final class BusyCounter extends FairBusyHandler {
    private final LongAdder events;
    private final LongAdder retries;
    private final LongAdder gaveUp;

    private BusyCounter(int timeoutMs, LongAdder events, LongAdder retries, LongAdder gaveUp) {
        super(timeoutMs);
        this.events = events;
        this.retries = retries;
        this.gaveUp = gaveUp;
    }

    /** Installs a counter on {@code connection} that adds to the shared totals. */
    static void install(Connection connection, int timeoutMs, LongAdder events, LongAdder retries, LongAdder gaveUp)
            throws SQLException {
        BusyHandler.setHandler(connection, new BusyCounter(timeoutMs, events, retries, gaveUp));
    }

    @Override
    protected void busy() {
        events.increment();
    }

    @Override
    protected void retrying() {
        retries.increment();
    }

    @Override
    protected void gaveUp() {
        gaveUp.increment();
    }
}
