package dev.litectl.store;

import dev.litectl.db.DatabasePool;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For store tests: a fresh database built by the built-in migrations, as a pool with an AgentStore over it. */
abstract class StoreTest {
    @TempDir
    Path dir;
    DatabasePool pool;
    AgentStore store;

    @BeforeEach
    void openStore() {
        pool = StoreFixture.pool(dir);
        store = new AgentStore(pool);
    }

    @AfterEach
    void closeStore() {
        pool.close();
    }
}
