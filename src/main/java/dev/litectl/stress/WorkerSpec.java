package dev.litectl.stress;

import java.nio.file.Path;

/**
 * What a worker process of a multi-process run is told: the database (used in place), the workload, its threads,
 * its seed, the busy timeout, its index (1 and up; the starting process is 0), a tag that makes its keys
 * unique, and the wall-clock window every process of the run shares.
 */
public record WorkerSpec(Path database, WorkloadKind workload, int writers, int readers, long seed, int busyTimeoutMs,
                         int index, String runTag, long startAtMillis, long endAtMillis) {}
