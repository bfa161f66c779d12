package dev.litectl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.LitectlException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStoreTest extends StoreTest {
    @Test
    void createThenGetReturnsTheSameSessionActiveWithTimestamps() {
        Session s = store.sessions().create("s1", "first", "{\"step\":1}", "{\"user\":\"ana\"}", "gpt");
        assertEquals("s1", s.id());
        assertEquals(SessionStatus.ACTIVE, s.status());
        assertTrue(s.createdAt().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), s.createdAt());
        assertEquals(s, store.sessions().get("s1").orElseThrow());
        assertTrue(store.sessions().get("nope").isEmpty());
    }

    @Test
    void createWithGeneratedIdUsesAUuid() {
        Session s = store.sessions().create("n", null, null, null);
        assertEquals(36, s.id().length());
        assertNull(s.state());
    }

    @Test
    void invalidJsonInStateOrMetadataIsRejectedAndNothingIsWritten() {
        LitectlException e = assertThrows(LitectlException.class, () -> store.sessions().create("bad", "n", "{not json", null, null));
        assertTrue(e.getMessage().startsWith("cannot create session bad: CHECK constraint failed"), e.getMessage());
        assertThrows(LitectlException.class, () -> store.sessions().create("bad", "n", null, "[1,", null));
        assertTrue(store.sessions().get("bad").isEmpty());
        store.sessions().create("ok", "n", "{}", null, null);
        assertThrows(LitectlException.class, () -> store.sessions().updateState("ok", "{'single': 'quotes'}"));
        assertEquals("{}", store.sessions().get("ok").orElseThrow().state());
    }

    @Test
    void duplicateIdIsRefused() {
        store.sessions().create("dup", "a", null, null, null);
        LitectlException e = assertThrows(LitectlException.class, () -> store.sessions().create("dup", "b", null, null, null));
        assertTrue(e.getMessage().contains("UNIQUE constraint failed: sessions.id"), e.getMessage());
    }

    @Test
    void updateStateAndStatusChangeTheRowAndBumpUpdatedAt() throws Exception {
        Session before = store.sessions().create("s", "n", "{\"a\":1}", null, null);
        Thread.sleep(5);
        assertTrue(store.sessions().updateState("s", "{\"a\":2}"));
        assertTrue(store.sessions().updateStatus("s", SessionStatus.PAUSED));
        Session after = store.sessions().get("s").orElseThrow();
        assertEquals("{\"a\":2}", after.state());
        assertEquals(SessionStatus.PAUSED, after.status());
        assertTrue(after.updatedAt().compareTo(before.updatedAt()) > 0);
        assertFalse(store.sessions().updateState("missing", "{}"));
    }

    @Test
    void listFiltersByStatusAndTimeNewestFirstAndHidesSoftDeleted() throws Exception {
        store.sessions().create("a", "a", null, null, null);
        Thread.sleep(5);
        store.sessions().create("b", "b", null, null, null);
        Thread.sleep(5);
        store.sessions().create("c", "c", null, null, null);
        store.sessions().updateStatus("c", SessionStatus.ARCHIVED);
        assertEquals(List.of("b", "a"), ids(store.sessions().list(SessionStatus.ACTIVE, null, 10)));
        assertEquals(List.of("c", "b", "a"), ids(store.sessions().list(null, null, 10)));
        assertEquals(List.of("c"), ids(store.sessions().list(null, null, 1)));

        assertTrue(store.sessions().softDelete("b"));
        assertFalse(store.sessions().softDelete("b"), "already deleted");
        assertEquals(List.of("a"), ids(store.sessions().list(SessionStatus.ACTIVE, null, 10)));
        assertTrue(store.sessions().get("b").isEmpty());
        assertFalse(store.sessions().updateState("b", "{}"), "a soft-deleted session cannot be changed");
        assertEquals(1L, (long) pool.read(h -> h.queryLong("SELECT count(*) FROM sessions WHERE id = 'b' AND deleted_at IS NOT NULL")));

        Instant future = Instant.now().plusSeconds(3600);
        assertEquals(List.of(), store.sessions().list(null, future, 10));
    }

    @Test
    void deleteCascadesToMessagesAndToolExecutions() {
        store.sessions().create("s", "n", null, null, null);
        store.sessions().create("other", "n", null, null, null);
        Message m = store.messages().append("s", Role.USER, "hi");
        store.messages().append("other", Role.USER, "kept");
        store.toolExecutions().start(m.id(), "grep", "{}");
        assertTrue(store.sessions().delete("s"));
        assertEquals(List.of(), store.messages().list("s"));
        assertEquals(List.of(), store.toolExecutions().listByMessage(m.id()));
        assertEquals(1L, (long) pool.read(h -> h.queryLong("SELECT count(*) FROM messages")));
        assertEquals(0L, (long) pool.read(h -> h.queryLong("SELECT count(*) FROM tool_executions")));
        assertFalse(store.sessions().delete("s"));
    }

    private static List<String> ids(List<Session> sessions) {
        return sessions.stream().map(Session::id).toList();
    }
}
