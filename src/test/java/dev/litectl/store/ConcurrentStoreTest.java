package dev.litectl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Database;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.OpenMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8 threads mix reads and writes through the embedded API for 10 seconds, while another connection (as another
 * process would) takes the write lock every 25 ms.
 */
class ConcurrentStoreTest {
    private static final int THREADS = 8;
    private static final long DURATION_MS = 10_000;

    @TempDir
    Path dir;

    @Test
    void eightThreadsForTenSecondsNeverSeeBusyAndEveryAcknowledgedWriteIsThere() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        Set<Long> telemetryIds = ConcurrentHashMap.newKeySet();
        Set<Long> messageIds = ConcurrentHashMap.newKeySet();
        AtomicLong reads = new AtomicLong();
        AtomicLong cacheWrites = new AtomicLong();
        AtomicLong tasks = new AtomicLong();
        AtomicLong outsideWrites = new AtomicLong();
        try (DatabasePool pool = StoreFixture.pool(dir)) {
            AgentStore store = new AgentStore(pool);
            for (int t = 0; t < THREADS; t++) {
                store.sessions().create("s" + t, "thread " + t, "{}", null, null);
            }
            CountDownLatch start = new CountDownLatch(1);
            long end = System.currentTimeMillis() + DURATION_MS;
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                        long n = 0;
                        while (System.currentTimeMillis() < end) {
                            n++;
                            switch ((int) (n % 8)) {
                                case 0 -> telemetryIds.add(store.telemetry().record(NewTelemetryEvent.of("t" + id, n, 1, true)));
                                case 1 -> messageIds.add(store.messages().append(NewMessage.of("s" + id, Role.USER, "m" + n).withTokens(1)).id());
                                case 2 -> {
                                    store.cache().put("k" + id + "-" + (n % 50), "v" + n, java.time.Duration.ofMinutes(1));
                                    cacheWrites.incrementAndGet();
                                }
                                case 3 -> {
                                    store.sessions().list(null, null, 5);
                                    reads.incrementAndGet();
                                }
                                case 4 -> {
                                    store.messages().countTokens("s" + id);
                                    reads.incrementAndGet();
                                }
                                case 5 -> {
                                    store.telemetry().range(null, null, "t" + id, 20);
                                    reads.incrementAndGet();
                                }
                                case 6 -> {
                                    Task task = store.tasks().create(NewTask.of("t" + id + "-" + n));
                                    store.tasks().start(task.id());
                                    tasks.incrementAndGet();
                                }
                                default -> {
                                    store.cache().get("k" + id + "-" + (n % 50));
                                    reads.incrementAndGet();
                                }
                            }
                        }
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "store-" + t);
                threads.add(th);
                th.start();
            }
            Thread outside = new Thread(() -> {
                try (Database other = Database.open(pool.path(), OpenMode.READ_WRITE, 5000)) {
                    start.await();
                    while (System.currentTimeMillis() < end) {
                        other.writeTransaction(d -> {
                            d.execute("INSERT INTO audit_log (agent_id, operation, status) VALUES ('outside', 'write', 'completed')");
                            // hold the write lock for a few milliseconds
                            return d.queryLong("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) SELECT count(*) FROM c");
                        });
                        outsideWrites.incrementAndGet();
                        Thread.sleep(20);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "outside-writer");
            threads.add(outside);
            outside.start();
            start.countDown();
            for (Thread th : threads) {
                th.join();
            }
            assertEquals(List.of(), failures.stream().map(Throwable::toString).toList(), "no error (SQLITE_BUSY or other) reached a caller");
            assertTrue(telemetryIds.size() > 100 && messageIds.size() > 100 && reads.get() > 300,
                    "the run did real work: " + telemetryIds.size() + " events, " + messageIds.size() + " messages, " + reads.get() + " reads");
            assertEquals((long) telemetryIds.size(), (long) pool.read(h -> h.queryLong("SELECT count(*) FROM telemetry")));
            assertEquals((long) messageIds.size(), (long) pool.read(h -> h.queryLong("SELECT count(*) FROM messages")));
            assertEquals(tasks.get(), (long) pool.read(h -> h.queryLong("SELECT count(*) FROM tasks WHERE status = 'active'")));
            assertEquals(outsideWrites.get(), (long) pool.read(h -> h.queryLong("SELECT count(*) FROM audit_log WHERE agent_id = 'outside'")));
            assertTrue(outsideWrites.get() > 50, "another connection held the write lock many times: " + outsideWrites.get());
            long presentTelemetry = pool.read(h -> {
                long found = 0;
                for (long tid : telemetryIds) {
                    found += h.queryLong("SELECT count(*) FROM telemetry WHERE id = ?", tid);
                }
                return found;
            });
            assertEquals(telemetryIds.size(), presentTelemetry);
            long tokens = 0;
            for (int t = 0; t < THREADS; t++) {
                tokens += store.messages().countTokens("s" + t);
            }
            assertEquals(messageIds.size(), tokens, "every acknowledged message is there");
        }
        try (DatabasePool reopened = DatabasePool.open(StoreFixture.migratedPath(dir))) {
            assertEquals((long) telemetryIds.size(), (long) reopened.read(h -> h.queryLong("SELECT count(*) FROM telemetry")),
                    "the writes survive closing and reopening");
        }
    }
}
