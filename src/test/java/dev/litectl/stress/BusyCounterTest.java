package dev.litectl.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stress-test's busy handler waits as {@code db.FairBusyHandler} does (its schedule and the starvation case are
 * tested there) and counts: one event per statement that met a lock, one retry per wait, one give-up per
 * statement that failed after the busy timeout.
 */
class BusyCounterTest {
    @TempDir
    Path dir;

    private Path db;
    private final LongAdder events = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();

    @BeforeEach
    void table() throws SQLException {
        db = dir.resolve("busy.db");
        try (Database d = Database.open(db)) {
            d.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
        }
    }

    @Test
    void aWriterThatWaitsForALockCountsOneEventAndItsRetries() throws Exception {
        try (Database holder = Database.open(db, OpenMode.READ_WRITE, 1000);
             Database waiter = Database.open(db, OpenMode.READ_WRITE, 3000)) {
            BusyCounter.install(waiter.connection(), 3000, events, retries, gaveUp);
            holder.execute("BEGIN IMMEDIATE");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(100);
                    holder.execute("COMMIT");
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            waiter.execute("BEGIN IMMEDIATE");
            waiter.execute("COMMIT");
            release.join();
        }
        assertEquals(1, events.sum());
        assertTrue(retries.sum() >= 3, "waited 100 ms in sleeps of 1, 2, then 5 ms: " + retries.sum() + " retries");
        assertEquals(0, gaveUp.sum());
    }

    @Test
    void aLockHeldPastTheTimeoutCountsOneGiveUp() throws Exception {
        try (Database holder = Database.open(db, OpenMode.READ_WRITE, 1000);
             Database waiter = Database.open(db, OpenMode.READ_WRITE, 200)) {
            BusyCounter.install(waiter.connection(), 200, events, retries, gaveUp);
            holder.execute("BEGIN IMMEDIATE");
            assertThrows(SQLException.class, () -> waiter.execute("BEGIN IMMEDIATE"));
            holder.execute("ROLLBACK");
        }
        assertEquals(1, events.sum());
        assertEquals(1, gaveUp.sum());
        assertTrue(retries.sum() >= 1);
    }
}
