package dev.litectl.stress;

import java.sql.SQLException;

/** A workload: the loops its writer and reader threads run. One small class per {@link WorkloadKind}. */
interface Workload {
    WorkerLoop writer(WorkerContext context) throws SQLException;

    WorkerLoop reader(WorkerContext context) throws SQLException;

    /** The plain prepared-statement JDBC implementation of {@code kind}. */
    static Workload of(WorkloadKind kind) {
        return switch (kind) {
            case SESSIONS -> new SessionsWorkload();
            case MESSAGES -> new MessagesWorkload();
            case CACHE -> new CacheWorkload();
            case TELEMETRY -> new TelemetryWorkload();
            case MIXED -> new MixedWorkload();
        };
    }
}
