package dev.litectl.stress;

import java.nio.file.Path;

/**
 * What a stress run does: the workload, how long, how many writer and reader threads per process, how many
 * processes, the random seed, and the database: {@code source} null for a fresh temporary database with the
 * built-in schema, else a copy of {@code source}, or {@code source} itself when {@code inPlace}; and the layer the
 * workloads go through (the store API or plain JDBC).
 */
public record StressOptions(WorkloadKind workload, long durationMillis, int writers, int readers, int processes,
                            long seed, int busyTimeoutMs, Path source, boolean inPlace, StressLayer layer) {

    public StressOptions {
        if (workload == null) {
            throw new IllegalArgumentException("a workload is required");
        }
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("the duration must be more than 0 seconds");
        }
        if (writers < 0 || readers < 0) {
            throw new IllegalArgumentException("--writers and --readers must be 0 or more");
        }
        if (writers + readers == 0) {
            throw new IllegalArgumentException("at least one writer or reader is needed");
        }
        if (processes < 1) {
            throw new IllegalArgumentException("--processes must be 1 or more");
        }
        if (busyTimeoutMs < 0) {
            throw new IllegalArgumentException("the busy timeout must be 0 or more milliseconds");
        }
        if (layer == null) {
            throw new IllegalArgumentException("a layer is required");
        }
        if (inPlace && source == null) {
            throw new IllegalArgumentException("--in-place needs --db (there is nothing to work on in place)");
        }
    }

    /** The defaults of the command: mixed workload, 10 s, 2 writers, 2 readers, one process, seed 1, the store layer. */
    public static StressOptions defaults() {
        return new StressOptions(WorkloadKind.MIXED, 10_000, 2, 2, 1, 1, 5000, null, false, StressLayer.STORE);
    }

    public StressOptions withWorkload(WorkloadKind w) {
        return new StressOptions(w, durationMillis, writers, readers, processes, seed, busyTimeoutMs, source, inPlace, layer);
    }

    public StressOptions withDurationMillis(long ms) {
        return new StressOptions(workload, ms, writers, readers, processes, seed, busyTimeoutMs, source, inPlace, layer);
    }

    public StressOptions withThreads(int w, int r) {
        return new StressOptions(workload, durationMillis, w, r, processes, seed, busyTimeoutMs, source, inPlace, layer);
    }

    public StressOptions withProcesses(int p) {
        return new StressOptions(workload, durationMillis, writers, readers, p, seed, busyTimeoutMs, source, inPlace, layer);
    }

    public StressOptions withSeed(long s) {
        return new StressOptions(workload, durationMillis, writers, readers, processes, s, busyTimeoutMs, source, inPlace, layer);
    }

    public StressOptions withDatabase(Path src, boolean place) {
        return new StressOptions(workload, durationMillis, writers, readers, processes, seed, busyTimeoutMs, src, place, layer);
    }

    public StressOptions withLayer(StressLayer l) {
        return new StressOptions(workload, durationMillis, writers, readers, processes, seed, busyTimeoutMs, source, inPlace, l);
    }
}
