package dev.litectl.cli;

import dev.litectl.stress.OperationStats;
import dev.litectl.stress.StressLayer;
import dev.litectl.stress.StressOptions;
import dev.litectl.stress.StressRun;
import dev.litectl.stress.StressTest;
import dev.litectl.stress.Verification;
import dev.litectl.stress.WorkerSpec;
import dev.litectl.stress.WorkloadKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stress-test",
        description = {
            "Concurrent load on the built-in agent schema: throughput and latency percentiles per operation, busy "
                    + "retries, then a proof that nothing was lost (integrity_check, and every acknowledged write read back).",
            "Runs on a fresh temporary database by default; with --db on a temporary copy of it, unless --in-place.",
            "Exit codes: 0 ok; 1 a write was lost, the integrity check failed or an operation failed; 2 bad option; "
                    + "3 --profile missed a target."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl stress-test --duration 30 --writers 4 --readers 4 --processes 2",
            "  litectl stress-test --workload messages --format json",
            "  litectl stress-test --layer jdbc                           the same load through plain JDBC",
            "  litectl --db app.db stress-test --workload cache          on a copy of app.db",
            "  litectl stress-test --profile                              the seeds' latency targets on 1M-row tables"
        })
final class StressTestCommand extends LitectlCommand {
    @Option(names = "--duration", paramLabel = "S", description = "Seconds of load (decimals allowed; default: ${DEFAULT-VALUE}).", defaultValue = "10")
    double duration;

    @Option(names = "--writers", paramLabel = "N", description = "Writer threads per process, each with its own connection (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int writers;

    @Option(names = "--readers", paramLabel = "N", description = "Reader threads per process, each with its own connection (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int readers;

    @Option(names = "--processes", paramLabel = "P", description = "Processes sharing the database: this one and P-1 more litectl processes (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int processes;

    @Option(names = "--workload", paramLabel = "W", description = "sessions, messages, cache, telemetry or mixed (default: ${DEFAULT-VALUE}).", defaultValue = "mixed")
    String workload;

    @Option(names = "--layer", paramLabel = "L", description = "What the workloads go through: store (litectl's typed store API, as an application embeds it) or jdbc (plain prepared statements, the reference; default: ${DEFAULT-VALUE}).", defaultValue = "store")
    String layer;

    @Option(names = "--in-place", description = "Work on the --db file itself instead of a temporary copy (it must have the built-in schema).")
    boolean inPlace;

    @Option(names = "--seed", paramLabel = "X", description = "Random seed: the same seed makes the same choices of operations and values (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--profile", description = "Instead of the load: the seeds' latency targets, single-threaded on generated data of realistic size; exit 3 on a miss.")
    boolean profile;

    @Option(names = "--scale", paramLabel = "F", description = "With --profile: size of the generated data relative to 1M telemetry rows, 100k sessions, 1M messages (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    double scale;

    // a worker process of a multi-process run (started by this command itself, not by users)
    @Option(names = "--worker", hidden = true)
    Integer worker;

    @Option(names = "--run-tag", hidden = true)
    String runTag;


    @Override
    public Integer call() {
        boolean json = jsonReport();
        if (profile) {
            return new StressProfileRenderer(this).run(scale, json);
        }
        StressOptions options = options();
        if (worker != null) {
            StressTest.runWorker(new WorkerSpec(options.source(), options.workload(), options.layer(), writers, readers, seed,
                    options.busyTimeoutMs(), worker, runTag), context().in(), err()).writeTo(out());
            return ExitCodes.OK;
        }
        StressRun run;
        Verification verification;
        try (StressTest test = StressTest.prepare(options)) {
            boolean live = context().stdoutIsTerminal() && Terminals.isTerminal(2) && !globals().quiet;
            ProgressLine progress = new ProgressLine(err(), live);
            run = test.run(new SelfLauncher(), progress);
            progress.clear();
            verification = test.verify(run);
        }
        return StressReport.print(run, verification, json, out());
    }

    private StressOptions options() {
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw usage("--duration must be more than 0 seconds, not " + duration);
        }
        if (writers < 0) {
            throw usage("--writers must be 0 or more, not " + writers);
        }
        if (readers < 0) {
            throw usage("--readers must be 0 or more, not " + readers);
        }
        if (writers + readers == 0) {
            throw usage("--writers and --readers are both 0: there is nothing to run");
        }
        if (processes < 1) {
            throw usage("--processes must be 1 or more, not " + processes);
        }
        WorkloadKind kind;
        try {
            kind = WorkloadKind.parse(workload);
        } catch (IllegalArgumentException e) {
            throw usage("--workload: " + e.getMessage());
        }
        StressLayer stressLayer;
        try {
            stressLayer = StressLayer.parse(layer);
        } catch (IllegalArgumentException e) {
            throw usage("--layer: " + e.getMessage());
        }
        Path source = globals().db == null ? null : databasePath();
        if (inPlace && source == null) {
            throw usage("--in-place needs --db: the database to work on in place");
        }
        return new StressOptions(kind, Math.round(duration * 1000), writers, readers, processes, seed, busyTimeoutMs(),
                source, inPlace || worker != null, stressLayer);
    }

    /** Renders a finished run (text or JSON) and returns the exit code: 1 unless everything passed. */
    static int report(StressRun run, Verification verification, boolean json, PrintWriter out) {
        return StressReport.print(run, verification, json, out);
    }

    /** The progress line on a terminal: rewritten in place on stderr, cleared before the report. */
    private static final class ProgressLine implements dev.litectl.stress.StressProgress {
        private final PrintWriter err;
        private final boolean live;

        ProgressLine(PrintWriter err, boolean live) {
            this.err = err;
            this.live = live;
        }

        @Override
        public synchronized void update(double elapsed, double total, long writes, long reads, long busy) {
            if (!live) {
                return;
            }
            double t = Math.max(elapsed, 0.001);
            err.printf("\r  %5.1f / %.0f s   writes %,d (%,.0f/s)   reads %,d (%,.0f/s)   busy %,d   ",
                    Math.min(elapsed, total), total, writes, writes / t, reads, reads / t, busy);
            err.flush();
        }

        synchronized void clear() {
            if (live) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
            }
        }
    }

    /** Starts a worker process: the same java binary and classpath (or the native binary itself). */
    private final class SelfLauncher implements dev.litectl.stress.WorkerLauncher {
        @Override
        public java.util.List<String> command(WorkerSpec spec) {
            java.util.List<String> cmd = new java.util.ArrayList<>();
            String self = ProcessHandle.current().info().command().orElse(null);
            boolean nativeImage = "runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"));
            if (nativeImage && self != null) {
                cmd.add(self);
            } else {
                cmd.add(self != null ? self : Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.add("-XX:+UseSerialGC");
                cmd.add("-cp");
                cmd.add(System.getProperty("java.class.path"));
                cmd.add(Main.class.getName());
            }
            cmd.addAll(java.util.List.of("--db", spec.database().toString(), "--busy-timeout", Integer.toString(spec.busyTimeoutMs()),
                    "stress-test", "--worker", Integer.toString(spec.index()), "--workload", spec.workload().label(),
                    "--layer", spec.layer().label(),
                    "--writers", Integer.toString(spec.writers()), "--readers", Integer.toString(spec.readers()),
                    "--seed", Long.toString(spec.seed()), "--run-tag", spec.runTag()));
            return cmd;
        }
    }
}
