package dev.litectl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.LitectlException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageAndToolStoreTest extends StoreTest {
    @BeforeEach
    void session() {
        store.sessions().create("s", "chat", null, null, null);
    }

    @Test
    void appendedMessagesListInOrderWithAllFields() {
        Message q = store.messages().append(NewMessage.of("s", Role.USER, "question").withTokens(12).withMetadata("{\"lang\":\"en\"}"));
        Message a = store.messages().append(NewMessage.of("s", Role.ASSISTANT, "answer").withTokens(30).withModel("m1").withParent(q.id()));
        store.messages().append("s", Role.SYSTEM, "no tokens");
        List<Message> all = store.messages().list("s");
        assertEquals(List.of("question", "answer", "no tokens"), all.stream().map(Message::content).toList());
        assertEquals(q, all.get(0));
        assertEquals(q.id(), all.get(1).parentId());
        assertEquals("m1", all.get(1).model());
        assertNull(all.get(2).tokensUsed());
        assertEquals(List.of(a), store.messages().list("s", q.id(), 1));
        assertEquals(42, store.messages().countTokens("s"));
        assertEquals(0, store.messages().countTokens("nobody"));
    }

    @Test
    void appendToAMissingSessionOrWithInvalidMetadataIsRefused() {
        LitectlException e = assertThrows(LitectlException.class, () -> store.messages().append("ghost", Role.USER, "x"));
        assertTrue(e.getMessage().contains("FOREIGN KEY constraint failed"), e.getMessage());
        assertThrows(LitectlException.class, () -> store.messages().append(NewMessage.of("s", Role.USER, "x").withMetadata("{oops")));
        assertEquals(List.of(), store.messages().list("s"));
    }

    @Test
    void toolExecutionStartsRunningAndFinishesWithOutputOrError() {
        Message m = store.messages().append("s", Role.ASSISTANT, "calling tools");
        ToolExecution t1 = store.toolExecutions().start(m.id(), "search", "{\"q\":\"sqlite\"}");
        ToolExecution t2 = store.toolExecutions().start(m.id(), "shell", null);
        assertEquals(ToolStatus.RUNNING, t1.status());
        assertEquals("s", t1.sessionId());
        assertNull(t1.completedAt());

        ToolExecution ok = store.toolExecutions().succeed(t1.id(), "3 results", 7, 0.002);
        assertEquals(ToolStatus.SUCCEEDED, ok.status());
        assertEquals("3 results", ok.output());
        assertNotNull(ok.completedAt());
        assertTrue(ok.durationMs() >= 0);
        assertEquals(0.002, ok.costUsd());
        ToolExecution failed = store.toolExecutions().fail(t2.id(), "exit 1");
        assertEquals(ToolStatus.FAILED, failed.status());
        assertEquals("exit 1", failed.error());
        assertNull(store.toolExecutions().fail(t1.id(), "late"), "a finished execution stays finished");

        List<ToolExecution> listed = store.toolExecutions().listByMessage(m.id());
        assertEquals(List.of(ok, failed), listed);
    }

    @Test
    void toolExecutionForAMissingMessageOrWithInvalidInputIsRefused() {
        Message m = store.messages().append("s", Role.ASSISTANT, "x");
        assertThrows(LitectlException.class, () -> store.toolExecutions().start(9999, "t", null));
        LitectlException e = assertThrows(LitectlException.class, () -> store.toolExecutions().start(m.id(), "t", "not json"));
        assertTrue(e.getMessage().contains("CHECK constraint failed"), e.getMessage());
        assertEquals(List.of(), store.toolExecutions().listByMessage(m.id()));
    }
}
