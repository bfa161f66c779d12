package dev.litectl.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mixed workload on the store layer: one store (one pool, one writer connection) per worker thread. */
class MixedWorkloadTest {
    @TempDir
    Path dir;

    @Test
    void theFourPartsOfAStoreWriterThreadShareTheThreadsOnePool() throws Exception {
        Path db = dir.resolve("mixed.db");
        try (Database d = Database.open(db)) {
            new Migrator(d, MigrationSource.builtin()).migrate();
        }
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000);
             WorkerContext ctx = new WorkerContext(d.connection(), new SplittableRandom(1), "t", new AckLog(), db, 5000, c -> { });
             WorkerLoop loop = Workload.of(WorkloadKind.MIXED, StressLayer.STORE).writer(ctx)) {
            MixedWorkload.Blend blend = assertInstanceOf(MixedWorkload.Blend.class, loop);
            assertEquals(4, blend.loops().length);
            StoreLoop.ThreadStore store = ctx.threadStore(true);
            for (WorkerLoop part : blend.loops()) {
                assertSame(store.pool(), assertInstanceOf(StoreLoop.class, part).pool);
            }
            for (int i = 0; i < 200; i++) {
                loop.next().action().run();
            }
            assertThrows(IllegalStateException.class, () -> ctx.threadStore(false));
        }
    }
}
