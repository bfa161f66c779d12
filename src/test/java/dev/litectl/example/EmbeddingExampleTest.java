package dev.litectl.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Condition;
import dev.litectl.db.DatabasePool;
import dev.litectl.db.Expr;
import dev.litectl.db.HealthResult;
import dev.litectl.db.Sql;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import dev.litectl.store.AgentStore;
import dev.litectl.store.EventTypeStats;
import dev.litectl.store.Message;
import dev.litectl.store.NewTelemetryEvent;
import dev.litectl.store.Role;
import dev.litectl.store.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example, using only the public API from a package of its own. */
class EmbeddingExampleTest {
    @TempDir
    Path dir;

    record SessionMessages(String name, long messages) {}

    @Test
    void anApplicationOpensMigratesAndUsesTheStoreAndTheBuilder() {
        Path file = dir.resolve("data/app.db");
        // --8<-- [start:library]
        try (DatabasePool pool = DatabasePool.open(file)) {                       // writer + 4 readers, WAL
            pool.exclusive(db -> new Migrator(db, MigrationSource.builtin()).migrate()); // on start-up
            AgentStore store = new AgentStore(pool);

            Session s = store.sessions().create("support chat", "{\"step\":1}", null, "small-model");
            store.messages().append(s.id(), Role.USER, "Where is my order?");
            store.cache().put("faq:orders", "{\"answer\":\"...\"}", Duration.ofMinutes(10));
            store.telemetry().record(NewTelemetryEvent.of("llm_call", 420.0, 180, true).withSession(s.id()));

            List<Message> history = store.messages().list(s.id());
            List<EventTypeStats> stats = store.telemetry().stats(null, null);   // count, avg, p95, tokens

            // ad-hoc SQL through the builder: identifiers checked and quoted, values bound
            List<SessionMessages> top = pool.read(h -> h.list(
                    Sql.select("s.name", Expr.count().as("messages")).from("sessions", "s")
                            .join("messages", "m", Condition.columnsEqual("m.session_id", "s.id"))
                            .where(Condition.isNull("s.deleted_at"))
                            .groupBy("s.id").orderByDesc("messages").limit(10).build(),
                    SessionMessages.class));

            HealthResult health = pool.health();                                // for a /health endpoint
            // --8<-- [end:library]
            assertEquals(1, history.size());
            assertEquals("llm_call", stats.get(0).eventType());
            assertEquals(420.0, stats.get(0).p95ResponseTimeMs());
            assertEquals(List.of(new SessionMessages("support chat", 1)), top);
            assertTrue(store.cache().getText("faq:orders").isPresent());
            assertTrue(health.healthy(), health.toString());
        }
    }
}
