package dev.litectl.stress;

import java.nio.file.Path;

/**
 * What a worker process of a multi-process run is told on its command line: the database (used in place), the
 * workload and its layer, its threads, its seed, the busy timeout, its index (1 and up; the starting process is 0) and a tag
 * that makes its keys unique. The measuring window comes later, on its stdin (see {@link WorkerControl}).
 */
public record WorkerSpec(Path database, WorkloadKind workload, StressLayer layer, int writers, int readers, long seed, int busyTimeoutMs,
                         int index, String runTag) {}
