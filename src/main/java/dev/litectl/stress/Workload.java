package dev.litectl.stress;

import java.sql.SQLException;

/** A workload: the loops its writer and reader threads run. One small class per {@link WorkloadKind}. */
interface Workload {
    WorkerLoop writer(WorkerContext context) throws SQLException;

    WorkerLoop reader(WorkerContext context) throws SQLException;

    /** The implementation of {@code kind} on {@code layer}: the store API or plain prepared-statement JDBC. */
    static Workload of(WorkloadKind kind, StressLayer layer) {
        if (layer == StressLayer.JDBC) {
            return switch (kind) {
                case SESSIONS -> new SessionsWorkload();
                case MESSAGES -> new MessagesWorkload();
                case CACHE -> new CacheWorkload();
                case TELEMETRY -> new TelemetryWorkload();
                case MIXED -> new MixedWorkload(layer);
            };
        }
        return switch (kind) {
            case SESSIONS -> new StoreSessionsWorkload();
            case MESSAGES -> new StoreMessagesWorkload();
            case CACHE -> new StoreCacheWorkload();
            case TELEMETRY -> new StoreTelemetryWorkload();
            case MIXED -> new MixedWorkload(layer);
        };
    }
}
