package dev.litectl.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The busy handler of stress-test's workers: a writer that has waited long must keep trying as often as one
 * that has just started, so that it is not starved by writers that take SQLite's write lock again and again.
 */
class BusyCounterTest {
    @TempDir
    Path dir;

    /**
     * Another connection holds the write lock for 80 ms at a time and frees it for only 1 ms between its
     * transactions (a busy writer in a loop). A waiter trying at least every 5 ms meets one of those gaps within a
     * few cycles. With SQLite's own schedule (tries 100 ms apart after the first 0.3 s) it met none in 5 of 8 runs
     * (and gave up after the timeout): the stress-test failure this handler fixes.
     */
    @Test
    void aWriterWaitingBehindAWriterInALoopGetsTheLockInOneOfItsShortGaps() throws Exception {
        Path db = dir.resolve("busy.db");
        try (Database d = Database.open(db)) {
            d.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> holderError = new AtomicReference<>();
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (Database h = Database.open(db, OpenMode.READ_WRITE, 5000)) {
                while (!stop.get()) {
                    h.execute("BEGIN IMMEDIATE");
                    h.execute("INSERT INTO t (v) VALUES ('holder')");
                    holding.countDown();
                    LockSupport.parkNanos(80_000_000L);
                    h.execute("COMMIT");
                    LockSupport.parkNanos(1_000_000L);
                }
            } catch (SQLException | RuntimeException e) {
                holderError.set(e);
                holding.countDown();
            }
        }, "holder");
        holder.start();
        LongAdder events = new LongAdder();
        LongAdder retries = new LongAdder();
        LongAdder gaveUp = new LongAdder();
        long waited;
        try (Database w = Database.open(db, OpenMode.READ_WRITE, 3000)) {
            BusyCounter.install(w.connection(), 3000, events, retries, gaveUp);
            holding.await();
            long start = System.nanoTime();
            w.execute("BEGIN IMMEDIATE");
            waited = (System.nanoTime() - start) / 1_000_000;
            w.execute("INSERT INTO t (v) VALUES ('waiter')");
            w.execute("COMMIT");
        } finally {
            stop.set(true);
            holder.join();
        }
        assertEquals(null, holderError.get());
        assertEquals(0, gaveUp.sum(), "the waiter gave up after " + waited + " ms");
        assertTrue(events.sum() >= 1, "the waiter met the lock");
        assertTrue(retries.sum() >= 1, "the waiter retried");
    }
}
