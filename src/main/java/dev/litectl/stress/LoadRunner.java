package dev.litectl.stress;

import dev.litectl.db.Database;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one process's share of a stress run: {@code writers} + {@code readers} threads, each with its own
 * connection and seeded random source, from {@code startAtMillis} to {@code endAtMillis} (wall clock, so that
 * every process of a run measures the same window). An operation that meets {@code SQLITE_BUSY} after the busy
 * handler gave up is retried from the start until the busy timeout has passed since it began; then it counts
 * as failed.
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

    /** Runs the threads and waits for them; {@code tag} makes this process's keys unique. */
    ProcessOutcome run(int writers, int readers, long seed, String tag, long startAtMillis, long endAtMillis) {
        List<Worker> workers = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < writers + readers; i++) {
            boolean write = i < writers;
            workers.add(new Worker(write, (write ? "w" : "r") + i + tag, seeds.split(), startAtMillis, endAtMillis));
        }
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = new Thread(w, "stress-" + w.tag);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LitectlException("stress-test: interrupted while waiting for the workers", e);
            }
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

    /** One worker thread's loop and what it recorded. */
    private final class Worker implements Runnable {
        final boolean write;
        final String tag;
        final SplittableRandom random;
        final long startAt;
        final long endAt;
        final LatencyRecorder latencies = new LatencyRecorder();
        final AckLog acks = new AckLog();
        final Set<String> errors = new LinkedHashSet<>();

        Worker(boolean write, String tag, SplittableRandom random, long startAt, long endAt) {
            this.write = write;
            this.tag = tag;
            this.random = random;
            this.startAt = startAt;
            this.endAt = endAt;
        }

        @Override
        public void run() {
            try (Database db = Database.open(database, write ? OpenMode.READ_WRITE : OpenMode.READ_ONLY, busyTimeoutMs)) {
                BusyCounter.install(db.connection(), busyTimeoutMs, busyEvents, busyRetries, gaveUp);
                WorkerContext ctx = new WorkerContext(db.connection(), random, tag, acks);
                try (WorkerLoop loop = write ? workload.writer(ctx) : workload.reader(ctx)) {
                    sleepUntil(startAt);
                    while (System.currentTimeMillis() < endAt) {
                        step(db, loop);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                note("worker " + tag + ": " + (e instanceof SQLException se ? SqliteErrors.message(se) : e.getMessage()));
                latencies.failed("worker.start", write);
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
                } catch (SQLException e) {
                    db.rollbackQuietly();
                    if (SqliteErrors.isBusy(e) && System.nanoTime() < giveUpAt) {
                        busyRetries.increment();
                        LockSupport.parkNanos(100_000L);
                        continue;
                    }
                    latencies.failed(op.name(), op.write());
                    note(op.name() + ": " + SqliteErrors.message(e));
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

    static void sleepUntil(long epochMillis) {
        long wait;
        while ((wait = epochMillis - System.currentTimeMillis()) > 0) {
            try {
                Thread.sleep(Math.min(wait, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What one process's workers recorded. */
    record ProcessOutcome(LatencyRecorder latencies, AckLog acks, long busyEvents, long busyRetries, long gaveUp,
                          List<String> errors) {}
}
