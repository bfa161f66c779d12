package dev.litectl.stress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a worker process hands back to the process that started it, as lines of text on its stdout: busy counts,
 * errors, one HdrHistogram per operation (compressed, base64), every acknowledged key, and {@code end} (so a
 * truncated report is recognised). Not a user-facing format.
 */
public final class WorkerReport {
    private static final String HEADER = "litectl-stress-worker 1";
    private final LoadRunner.ProcessOutcome outcome;

    WorkerReport(LoadRunner.ProcessOutcome outcome) {
        this.outcome = outcome;
    }

    LoadRunner.ProcessOutcome outcome() {
        return outcome;
    }

    /** Writes the report to {@code out} (the worker's stdout). */
    public void writeTo(PrintWriter out) {
        out.println(HEADER);
        out.println("busy " + outcome.busyEvents() + " " + outcome.busyRetries() + " " + outcome.gaveUp());
        for (String e : outcome.errors()) {
            out.println("error " + e.replaceAll("[\\r\\n]+", " "));
        }
        for (var e : outcome.latencies().entries().entrySet()) {
            out.println("op " + LatencyRecorder.encode(e.getKey(), e.getValue()));
        }
        for (var table : outcome.acks().tables().entrySet()) {
            for (Map.Entry<String, Long> k : table.getValue().entrySet()) {
                out.println("ack " + table.getKey() + " " + k.getKey() + " " + k.getValue());
            }
        }
        out.println("end");
        out.flush();
    }

    /** Reads a report written by {@link #writeTo}; IOException when it is missing, foreign or truncated. */
    static WorkerReport read(Path file) throws IOException {
        LatencyRecorder latencies = new LatencyRecorder();
        AckLog acks = new AckLog();
        List<String> errors = new ArrayList<>();
        long[] busy = new long[3];
        boolean ended = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                throw new IOException("not a worker report");
            }
            String line;
            while ((line = in.readLine()) != null) {
                int space = line.indexOf(' ');
                String kind = space < 0 ? line : line.substring(0, space);
                String rest = space < 0 ? "" : line.substring(space + 1);
                switch (kind) {
                    case "busy" -> {
                        String[] f = rest.split(" ");
                        for (int i = 0; i < 3; i++) {
                            busy[i] = Long.parseLong(f[i]);
                        }
                    }
                    case "error" -> errors.add(rest);
                    case "op" -> latencies.decode(rest);
                    case "ack" -> {
                        String[] f = rest.split(" ");
                        acks.add(f[0], f[1], Long.parseLong(f[2]));
                    }
                    case "end" -> ended = true;
                    default -> throw new IOException("unexpected line in worker report: " + line);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("malformed worker report: " + e.getMessage(), e);
        }
        if (!ended) {
            throw new IOException("the worker report is truncated");
        }
        return new WorkerReport(new LoadRunner.ProcessOutcome(latencies, acks, busy[0], busy[1], busy[2], List.copyOf(errors)));
    }
}
