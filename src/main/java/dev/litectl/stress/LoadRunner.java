package dev.litectl.stress;

import dev.litectl.db.Database;
import dev.litectl.db.DatabaseBusyException;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one process's share of a stress run: {@code writers} + {@code readers} threads, each with its own
 * connection and seeded random source. Once every thread has its connection and prepared statements, the
 * {@link StartSignal} gives the measuring window (wall clock, so that every process of a run measures the same
 * one). An operation that meets {@code SQLITE_BUSY} after the busy handler gave up is retried from the start
 * until the busy timeout has passed since it began; then it counts as failed.
 */
final class LoadRunner {
    private static final int MAX_ERRORS = 10;

    private final Path database;
    private final Workload workload;
    private final int busyTimeoutMs;
    final LongAdder writesDone = new LongAdder();
    final LongAdder readsDone = new LongAdder();
    final LongAdder busyEvents = new LongAdder();
    final LongAdder busyRetries = new LongAdder();
    final LongAdder gaveUp = new LongAdder();

    LoadRunner(Path database, Workload workload, int busyTimeoutMs) {
        this.database = database;
        this.workload = workload;
        this.busyTimeoutMs = busyTimeoutMs;
    }

    /** Tells a process when to start measuring, once its workers are prepared: {start, end} in epoch millis. */
    interface StartSignal {
        long[] ready() throws InterruptedException;
    }

    /** Runs the threads and waits for them; {@code tag} makes this process's keys unique. */
    ProcessOutcome run(int writers, int readers, long seed, String tag, StartSignal signal) {
        SplittableRandom seeds = new SplittableRandom(seed);
        CountDownLatch prepared = new CountDownLatch(writers + readers);
        Window window = new Window();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers + readers; i++) {
            boolean write = i < writers;
            Worker w = new Worker(write, (write ? "w" : "r") + i + tag, seeds.split(), prepared, window);
            workers.add(w);
            Thread t = new Thread(w, "stress-" + w.tag);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        try {
            prepared.await();
            long[] w = signal.ready();
            window.open(w[0], w[1]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LitectlException("stress-test: interrupted while starting", e);
        } finally {
            window.open(0, 0); // no-op once opened; otherwise the workers stop at once
            join(threads);
        }
        LatencyRecorder latencies = new LatencyRecorder();
        AckLog acks = new AckLog();
        Set<String> errors = new LinkedHashSet<>();
        for (Worker w : workers) {
            latencies.addAll(w.latencies);
            acks.addAll(w.acks);
            for (String e : w.errors) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(e);
                }
            }
        }
        return new ProcessOutcome(latencies, acks, busyEvents.sum(), busyRetries.sum(), gaveUp.sum(), List.copyOf(errors));
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LitectlException("stress-test: interrupted while waiting for the workers", e);
            }
        }
    }

    /** The measuring window, set once for every worker of the process. */
    private static final class Window {
        private final CountDownLatch opened = new CountDownLatch(1);
        private volatile long start;
        private volatile long end;

        synchronized void open(long startAt, long endAt) {
            if (opened.getCount() > 0) {
                start = startAt;
                end = endAt;
                opened.countDown();
            }
        }

        void await() throws InterruptedException {
            opened.await();
        }
    }

    /** One worker thread's loop and what it recorded. */
    private final class Worker implements Runnable {
        final boolean write;
        final String tag;
        final SplittableRandom random;
        final CountDownLatch prepared;
        final Window window;
        final LatencyRecorder latencies = new LatencyRecorder();
        final AckLog acks = new AckLog();
        final Set<String> errors = new LinkedHashSet<>();

        Worker(boolean write, String tag, SplittableRandom random, CountDownLatch prepared, Window window) {
            this.write = write;
            this.tag = tag;
            this.random = random;
            this.prepared = prepared;
            this.window = window;
        }

        @Override
        public void run() {
            boolean counted = false;
            try (Database db = Database.open(database, write ? OpenMode.READ_WRITE : OpenMode.READ_ONLY, busyTimeoutMs)) {
                WorkerContext.ConnectionSetup setup = c -> BusyCounter.install(c, busyTimeoutMs, busyEvents, busyRetries, gaveUp);
                setup.apply(db.connection());
                try (WorkerContext ctx = new WorkerContext(db.connection(), random, tag, acks, database, busyTimeoutMs, setup);
                     WorkerLoop loop = write ? workload.writer(ctx) : workload.reader(ctx)) {
                    prepared.countDown();
                    counted = true;
                    window.await();
                    sleepUntil(window.start);
                    while (System.currentTimeMillis() < window.end) {
                        step(db, loop);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                note("worker " + tag + ": " + (e instanceof SQLException se ? SqliteErrors.message(se) : e.getMessage()));
                latencies.failed("worker.start", write);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (!counted) {
                    prepared.countDown();
                }
            }
        }

        private void step(Database db, WorkerLoop loop) {
            Operation op;
            try {
                op = loop.next();
            } catch (SQLException e) {
                latencies.failed("worker.next", write);
                note("choosing the next operation: " + SqliteErrors.message(e));
                return;
            }
            long start = System.nanoTime();
            long giveUpAt = start + busyTimeoutMs * 1_000_000L;
            while (true) {
                try {
                    op.action().run();
                    latencies.record(op.name(), op.write(), System.nanoTime() - start);
                    (op.write() ? writesDone : readsDone).increment();
                    return;
                } catch (SQLException | LitectlException e) {
                    db.rollbackQuietly();
                    boolean busy = e instanceof SQLException se ? SqliteErrors.isBusy(se) : e instanceof DatabaseBusyException;
                    if (busy && System.nanoTime() < giveUpAt) {
                        busyRetries.increment();
                        LockSupport.parkNanos(100_000L);
                        continue;
                    }
                    latencies.failed(op.name(), op.write());
                    note(op.name() + ": " + (e instanceof SQLException se ? SqliteErrors.message(se) : e.getMessage()));
                    return;
                }
            }
        }

        private void note(String error) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(error);
            }
        }
    }

    static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait;
        while ((wait = epochMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(Math.min(wait, 100));
        }
    }

    /** What one process's workers recorded. */
    record ProcessOutcome(LatencyRecorder latencies, AckLog acks, long busyEvents, long busyRetries, long gaveUp,
                          List<String> errors) {}
}
