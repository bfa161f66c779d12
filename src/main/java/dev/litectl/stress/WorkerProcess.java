package dev.litectl.stress;

import dev.litectl.db.LitectlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A worker process of a multi-process run, seen from the process that started it. The handshake: the worker
 * writes {@code ready} on its stderr once its connections and statements are prepared; when every worker is
 * ready the starter writes {@code start <epoch ms> <epoch ms>} on each worker's stdin; the worker's stdout is its
 * {@link WorkerReport}. Anything else on stderr is kept for the error message if the worker fails.
 */
final class WorkerProcess {
    static final String READY = "ready";

    private final WorkerSpec spec;
    private final Process process;
    private final Path out;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<String> stderr = new ArrayList<>();

    private WorkerProcess(WorkerSpec spec, Process process, Path out) {
        this.spec = spec;
        this.process = process;
        this.out = out;
        Thread t = new Thread(this::readStderr, "stress-worker-" + spec.index() + "-stderr");
        t.setDaemon(true);
        t.start();
    }

    static WorkerProcess start(WorkerSpec spec, List<String> command) {
        Path out = null;
        try {
            out = Files.createTempFile("litectl-stress-worker", ".out");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
            return new WorkerProcess(spec, p, out);
        } catch (IOException e) {
            deleteQuietly(out);
            throw new LitectlException("stress-test: cannot start worker process " + spec.index() + ": " + e.getMessage(), e);
        }
    }

    private void readStderr() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals(READY) && ready.getCount() > 0) {
                    ready.countDown();
                } else {
                    synchronized (stderr) {
                        stderr.add(line);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended; its exit code tells the rest
        } finally {
            ready.countDown(); // a worker that died before it was ready must not block the start
        }
    }

    private String what() {
        return "stress-test: worker process " + spec.index();
    }

    /** Waits until the worker is ready; fails if it ended first or took longer than {@code timeoutMs}. */
    void awaitReady(long timeoutMs) throws InterruptedException {
        if (!ready.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new LitectlException(what() + " was not ready after " + timeoutMs / 1000 + " s");
        }
        if (!process.isAlive() && process.exitValue() != 0) {
            throw failure();
        }
    }

    void sendWindow(long startAt, long endAt) {
        try {
            OutputStream in = process.getOutputStream();
            in.write(("start " + startAt + " " + endAt + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (IOException e) {
            throw new LitectlException(what() + ": cannot signal the start: " + e.getMessage(), e);
        }
    }

    /** Waits for the worker to finish and reads its report. */
    LoadRunner.ProcessOutcome await(long untilMillis) throws InterruptedException {
        if (!process.waitFor(Math.max(1, untilMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
            throw new LitectlException(what() + " did not finish in time");
        }
        if (process.exitValue() != 0) {
            throw failure();
        }
        try {
            return WorkerReport.read(out).outcome();
        } catch (IOException e) {
            throw new LitectlException(what() + ": " + e.getMessage(), e);
        }
    }

    private LitectlException failure() {
        String last;
        synchronized (stderr) {
            last = stderr.isEmpty() ? "" : ": " + stderr.get(stderr.size() - 1);
        }
        return new LitectlException(what() + " failed (exit " + process.exitValue() + ")" + last);
    }

    /** Stops the worker if it is still running and removes its report file. */
    void destroy() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        deleteQuietly(out);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file: nothing to do if it cannot be removed
        }
    }

    /** The worker's side of the handshake: says ready on {@code signal}, reads the window from {@code control}. */
    static long[] awaitWindow(java.io.InputStream control, java.io.PrintWriter signal) throws InterruptedException {
        signal.println(READY);
        signal.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(control, StandardCharsets.US_ASCII)).readLine();
            String[] f = line == null ? new String[0] : line.split(" ");
            if (f.length != 3 || !f[0].equals("start")) {
                throw new LitectlException("stress-test worker: no start signal on stdin (this mode is for stress-test itself)");
            }
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
        } catch (IOException | NumberFormatException e) {
            throw new LitectlException("stress-test worker: unreadable start signal: " + e.getMessage(), e);
        }
    }
}
