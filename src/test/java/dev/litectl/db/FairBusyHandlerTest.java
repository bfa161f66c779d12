package dev.litectl.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every connection {@link Database#open} makes waits for a lock with {@link FairBusyHandler}: as long as the busy
 * timeout, and trying often enough that a busy writer in a loop cannot starve it.
 */
class FairBusyHandlerTest {
    @TempDir
    Path dir;

    @Test
    void noSleepBetweenTwoTriesIsLongerThanFiveMilliseconds() {
        assertEquals(1, FairBusyHandler.delayMs(0));
        assertEquals(2, FairBusyHandler.delayMs(1));
        for (int n = 2; n < 10_000; n++) {
            assertEquals(FairBusyHandler.MAX_DELAY_MS, FairBusyHandler.delayMs(n), "sleep before try " + (n + 1));
        }
    }

    /**
     * Another connection holds the write lock 80 ms at a time with 1 ms gaps. With SQLite's own busy_timeout
     * (tries 100 ms apart after the first 0.3 s) the waiter met no gap in most runs and failed after its 3 s;
     * with the fair handler it gets in within a few cycles.
     */
    @Test
    void aWriterWaitingBehindAWriterInALoopGetsTheLockInOneOfItsShortGaps() throws Exception {
        Path db = table();
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
        try (Database w = Database.open(db, OpenMode.READ_WRITE, 3000)) {
            holding.await();
            w.execute("BEGIN IMMEDIATE");
            w.execute("INSERT INTO t (v) VALUES ('waiter')");
            w.execute("COMMIT");
        } finally {
            stop.set(true);
            holder.join();
        }
        assertNull(holderError.get());
        try (Database r = Database.open(db, OpenMode.READ_ONLY, 1000)) {
            assertEquals(1, r.queryLong("SELECT count(*) FROM t WHERE v = 'waiter'"));
        }
    }

    @Test
    void aLockHeldLongerThanTheBusyTimeoutIsBusyAfterTheTimeoutNotBefore() throws Exception {
        Path db = table();
        try (Database holder = Database.open(db, OpenMode.READ_WRITE, 1000);
             Database waiter = Database.open(db, OpenMode.READ_WRITE, 300)) {
            holder.execute("BEGIN IMMEDIATE");
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> waiter.execute("BEGIN IMMEDIATE"));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(SqliteErrors.isBusy(e), e.toString());
            assertTrue(waitedMs >= 290 && waitedMs < 2000, "gave up after " + waitedMs + " ms");
            holder.execute("ROLLBACK");
        }
    }

    private Path table() throws SQLException {
        Path db = dir.resolve("busy.db");
        try (Database d = Database.open(db)) {
            d.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
        }
        return db;
    }
}
