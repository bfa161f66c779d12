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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stress-test engine. {@link #prepare} sets up the database (fresh, a copy, or in place: the only step that
 * can refuse the user's database, before anything is written); {@link #run} puts the load on it from this
 * process and, for {@code processes > 1}, from worker processes started through a {@link WorkerLauncher};
 * {@link #verify} then checks integrity and reads back every acknowledged write. {@code run} and {@code verify}
 * are separate so a caller can inspect or change the database in between; {@link #close} deletes a temporary
 * database. Failures are {@link LitectlException}s.
 */
public final class StressTest implements AutoCloseable {
    /** How long a worker process may take to start and prepare before the run gives up on it. */
    static final long WORKER_READY_TIMEOUT_MS = 60_000;

    private final StressOptions options;
    private final TargetDatabase target;
    private final Workload workload;

    private StressTest(StressOptions options, TargetDatabase target) {
        this.options = options;
        this.target = target;
        this.workload = Workload.of(options.workload(), options.layer());
    }

    /** Prepares the database of a run; refuses a source database without the built-in agent schema. */
    public static StressTest prepare(StressOptions options) {
        return new StressTest(options, TargetDatabase.prepare(options.source(), options.inPlace(), options.busyTimeoutMs()));
    }

    /** The database the run works on. */
    public Path database() {
        return target.path();
    }

    /** Runs the load for the configured duration and returns the measurements (not yet verified). */
    public StressRun run(WorkerLauncher launcher, StressProgress progress) {
        String runTag = Long.toString(System.currentTimeMillis(), 36);
        List<WorkerProcess> children = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread[] ticker = new Thread[1];
        // Ctrl-C: stop the worker processes and remove a temporary database rather than leave them behind
        Thread cleanup = new Thread(() -> {
            children.forEach(WorkerProcess::destroy);
            target.close();
        }, "stress-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            for (int i = 1; i < options.processes(); i++) {
                WorkerSpec spec = new WorkerSpec(target.path(), options.workload(), options.layer(), options.writers(), options.readers(),
                        options.seed() + i, options.busyTimeoutMs(), i, runTag);
                children.add(WorkerProcess.start(spec, launcher.command(spec)));
            }
            LoadRunner runner = new LoadRunner(target.path(), workload, options.busyTimeoutMs());
            long[] window = new long[2];
            LoadRunner.ProcessOutcome mine = runner.run(options.writers(), options.readers(), options.seed(), "p0" + runTag, () -> {
                for (WorkerProcess c : children) {
                    c.awaitReady(WORKER_READY_TIMEOUT_MS);
                }
                window[0] = System.currentTimeMillis() + 20;
                window[1] = window[0] + options.durationMillis();
                for (WorkerProcess c : children) {
                    c.sendWindow(window[0], window[1]);
                }
                ticker[0] = ticker(runner, progress, window[0], window[1]);
                return window.clone();
            });
            if (ticker[0] != null) {
                ticker[0].interrupt();
            }
            List<LoadRunner.ProcessOutcome> all = new ArrayList<>();
            all.add(mine);
            long waitUntil = window[1] + options.busyTimeoutMs() + 60_000;
            for (WorkerProcess c : children) {
                all.add(c.await(waitUntil));
            }
            return summarise(all, options.durationMillis() / 1000.0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LitectlException("stress-test: interrupted", e);
        } finally {
            if (ticker[0] != null) {
                ticker[0].interrupt();
            }
            for (WorkerProcess c : children) {
                c.destroy();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it does the cleanup
            }
        }
    }

    /** Checks integrity and reads back every write {@code run} acknowledged, in one read transaction. */
    public Verification verify(StressRun run) {
        return Verifier.verify(target.path(), run.acknowledged(), options.busyTimeoutMs());
    }

    /** Deletes the temporary database, if the run made one. */
    @Override
    public void close() {
        target.close();
    }

    /**
     * A worker process's share of a multi-process run, on {@code spec.database()} in place: prepares its workers,
     * says {@code ready} on {@code signal}, takes the measuring window from {@code control} (see
     * {@link WorkerProcess}), and returns the report to write on stdout.
     */
    public static WorkerReport runWorker(WorkerSpec spec, java.io.InputStream control, java.io.PrintWriter signal) {
        LoadRunner runner = new LoadRunner(spec.database(), Workload.of(spec.workload(), spec.layer()), spec.busyTimeoutMs());
        return new WorkerReport(runner.run(spec.writers(), spec.readers(), spec.seed(), "p" + spec.index() + spec.runTag(),
                () -> WorkerProcess.awaitWindow(control, signal)));
    }

    private StressRun summarise(List<LoadRunner.ProcessOutcome> outcomes, double seconds) {
        LatencyRecorder latencies = new LatencyRecorder();
        AckLog acks = new AckLog();
        Set<String> errors = new LinkedHashSet<>();
        long events = 0;
        long retries = 0;
        long gaveUp = 0;
        for (LoadRunner.ProcessOutcome o : outcomes) {
            latencies.addAll(o.latencies());
            acks.addAll(o.acks());
            errors.addAll(o.errors());
            events += o.busyEvents();
            retries += o.busyRetries();
            gaveUp += o.gaveUp();
        }
        List<ProcessStats> processes = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            long[] n = new long[3];
            for (LatencyRecorder.Entry e : outcomes.get(i).latencies().entries().values()) {
                n[e.write ? 0 : 1] += e.histogram.getTotalCount();
                n[2] += e.failed;
            }
            processes.add(new ProcessStats(i, n[0], n[1], n[2], outcomes.get(i).acks().count()));
        }
        List<OperationStats> ops = new ArrayList<>();
        for (var e : latencies.entries().entrySet()) {
            var h = e.getValue().histogram;
            long n = h.getTotalCount();
            ops.add(new OperationStats(e.getKey(), e.getValue().write, n, e.getValue().failed, n / seconds,
                    ms(n == 0 ? 0 : h.getValueAtPercentile(50)), ms(n == 0 ? 0 : h.getValueAtPercentile(95)),
                    ms(n == 0 ? 0 : h.getValueAtPercentile(99)), ms(n == 0 ? 0 : h.getValueAtPercentile(99.9)), ms(h.getMaxValue())));
        }
        Map<String, Map<String, Long>> acknowledged = new TreeMap<>();
        acks.tables().forEach((t, keys) -> acknowledged.put(t, java.util.Collections.unmodifiableMap(keys)));
        return new StressRun(options, target.path(), target.temporary(), journalMode(), seconds, List.copyOf(ops), List.copyOf(processes),
                new BusyStats(events, retries, gaveUp), List.copyOf(errors), java.util.Collections.unmodifiableMap(acknowledged));
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1000.0) / 1000.0;
    }

    private String journalMode() {
        try (Database db = Database.open(target.path(), OpenMode.READ_ONLY, options.busyTimeoutMs())) {
            return db.queryString("PRAGMA journal_mode");
        } catch (SQLException e) {
            throw SqliteErrors.translate("stress-test: cannot read " + target.path(), e);
        }
    }

    private Thread ticker(LoadRunner runner, StressProgress progress, long startAt, long endAt) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.currentTimeMillis();
                progress.update(Math.max(0, now - startAt) / 1000.0, (endAt - startAt) / 1000.0,
                        runner.writesDone.sum(), runner.readsDone.sum(), runner.busyEvents.sum());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stress-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
