package dev.litectl.stress;

import java.sql.SQLException;

/**
 * The blend of an agent, its web chat and a cron job on one file. Each operation is picked from one of the
 * four workloads by weight: writers 40% messages, 25% telemetry, 20% cache, 15% sessions; readers 35% messages,
 * 30% cache, 20% sessions, 15% telemetry. Each operation keeps its own name ({@code messages.append}, ...).
 * The four parts of a thread share the thread's one connection (on the store layer: its one {@code AgentStore}).
 */
final class MixedWorkload implements Workload {
    private static final WorkloadKind[] KINDS = {WorkloadKind.MESSAGES, WorkloadKind.TELEMETRY, WorkloadKind.CACHE, WorkloadKind.SESSIONS};
    private static final int[] WRITER_WEIGHTS = {40, 25, 20, 15};
    private static final int[] READER_WEIGHTS = {35, 15, 30, 20};

    private final Workload[] parts = new Workload[KINDS.length];

    /** The blend of the four workloads on {@code layer}. */
    MixedWorkload(StressLayer layer) {
        for (int i = 0; i < KINDS.length; i++) {
            parts[i] = Workload.of(KINDS[i], layer);
        }
    }

    @Override
    public WorkerLoop writer(WorkerContext ctx) throws SQLException {
        WorkerLoop[] loops = new WorkerLoop[parts.length];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = parts[i].writer(ctx);
        }
        return new Blend(ctx, loops, WRITER_WEIGHTS);
    }

    @Override
    public WorkerLoop reader(WorkerContext ctx) throws SQLException {
        WorkerLoop[] loops = new WorkerLoop[parts.length];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = parts[i].reader(ctx);
        }
        return new Blend(ctx, loops, READER_WEIGHTS);
    }

    record Blend(WorkerContext ctx, WorkerLoop[] loops, int[] weights) implements WorkerLoop {
        @Override
        public Operation next() throws SQLException {
            int dice = ctx.random().nextInt(100);
            for (int i = 0; i < loops.length; i++) {
                dice -= weights[i];
                if (dice < 0) {
                    return loops[i].next();
                }
            }
            return loops[loops.length - 1].next();
        }

        @Override
        public void close() {
            for (WorkerLoop l : loops) {
                l.close();
            }
        }
    }
}
