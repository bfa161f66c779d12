package dev.litectl.stress;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The measurements of a stress run: the options, the database it ran on (and whether it was a temporary one),
 * its journal mode, the measured window in seconds, per-operation and per-process statistics, busy statistics, the first
 * distinct errors, and the acknowledged writes: per table, each key and the version expected back
 * ({@code -1} when only the row's presence is checked).
 */
public record StressRun(StressOptions options, Path database, boolean temporary, String journalMode, double seconds,
                        List<OperationStats> operations, List<ProcessStats> processes, BusyStats busy, List<String> errors,
                        Map<String, Map<String, Long>> acknowledged) {

    public long writes() {
        return operations.stream().filter(OperationStats::write).mapToLong(OperationStats::count).sum();
    }

    public long reads() {
        return operations.stream().filter(o -> !o.write()).mapToLong(OperationStats::count).sum();
    }

    public long failed() {
        return operations.stream().mapToLong(OperationStats::failed).sum();
    }

    public long acknowledgedCount() {
        return acknowledged.values().stream().mapToLong(Map::size).sum();
    }
}
