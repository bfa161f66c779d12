package dev.litectl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.LitectlException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskAndAuditStoreTest extends StoreTest {
    @Test
    void taskMovesPendingActiveCompletedWithTimestampsAndResult() {
        Task t = store.tasks().create(NewTask.of("index repo").withPriority(5).withUser("u1"));
        assertEquals(TaskStatus.PENDING, t.status());
        Task started = store.tasks().start(t.id());
        assertEquals(TaskStatus.ACTIVE, started.status());
        assertNotNull(started.startedAt());
        Task done = store.tasks().complete(t.id(), "{\"files\":12}");
        assertEquals(TaskStatus.COMPLETED, done.status());
        assertEquals("{\"files\":12}", done.result());
        assertNotNull(done.completedAt());
        assertEquals(done, store.tasks().get(t.id()).orElseThrow());
    }

    @Test
    void transitionsThatAreNotAllowedAreRefusedAndChangeNothing() {
        Task t = store.tasks().create(NewTask.of("t"));
        LitectlException e = assertThrows(LitectlException.class, () -> store.tasks().complete(t.id(), null));
        assertEquals("cannot move task " + t.id() + " to completed: it is pending (allowed from: active)", e.getMessage());
        store.tasks().start(t.id());
        assertThrows(LitectlException.class, () -> store.tasks().start(t.id()), "a task is started once");
        store.tasks().fail(t.id(), "boom");
        assertThrows(LitectlException.class, () -> store.tasks().cancel(t.id()), "failed is final");
        assertEquals("boom", store.tasks().get(t.id()).orElseThrow().error());
        LitectlException missing = assertThrows(LitectlException.class, () -> store.tasks().start(424242));
        assertTrue(missing.getMessage().endsWith("no such task"), missing.getMessage());
        Task c = store.tasks().create(NewTask.of("c"));
        assertEquals(TaskStatus.CANCELLED, store.tasks().cancel(c.id()).status());
        assertThrows(LitectlException.class, () -> store.tasks().complete(store.tasks().create(NewTask.of("x")).id(), "{bad"));
    }

    @Test
    void listByStatusOrdersByPriorityThenAge() {
        Task low = store.tasks().create(NewTask.of("low").withPriority(1));
        Task high = store.tasks().create(NewTask.of("high").withPriority(9));
        Task low2 = store.tasks().create(NewTask.of("low2").withPriority(1));
        Task active = store.tasks().create(NewTask.of("active"));
        store.tasks().start(active.id());
        assertEquals(List.of(high.id(), low.id(), low2.id()), store.tasks().listByStatus(TaskStatus.PENDING, 10).stream().map(Task::id).toList());
        assertEquals(List.of(active.id()), store.tasks().listByStatus(TaskStatus.ACTIVE, 10).stream().map(Task::id).toList());
    }

    @Test
    void auditLogAppendsAndQueriesByAgentStatusSessionAndTime() {
        long a = store.audit().append(NewAuditEntry.of("agent-1", "write_file", AuditStatus.COMPLETED).withTarget("a.txt").withDuration(12)
                .withContext("{\"bytes\":10}").withSession("s1"));
        long b = store.audit().append(NewAuditEntry.of("agent-2", "shell", AuditStatus.FAILED).withError("exit 2"));
        long c = store.audit().append(NewAuditEntry.of("agent-1", "read_file", AuditStatus.STARTED));
        assertEquals(List.of(c, b, a), ids(store.audit().query(AuditFilter.latest(10))));
        assertEquals(List.of(c, a), ids(store.audit().query(AuditFilter.latest(10).withAgent("agent-1"))));
        assertEquals(List.of(b), ids(store.audit().query(AuditFilter.latest(10).withStatus(AuditStatus.FAILED))));
        assertEquals(List.of(a), ids(store.audit().query(AuditFilter.latest(10).withSession("s1"))));
        assertEquals(List.of(c), ids(store.audit().query(AuditFilter.latest(1))));
        assertEquals(List.of(), store.audit().query(AuditFilter.latest(10).between(Instant.now().plusSeconds(60), null)));
        AuditEntry first = store.audit().query(AuditFilter.latest(10).withSession("s1")).get(0);
        assertEquals(12L, first.durationMs());
        assertEquals("a.txt", first.target());
        assertNull(first.errorMessage());
    }

    @Test
    void auditLogIsAppendOnlyAndRejectsInvalidContext() {
        long id = store.audit().append(NewAuditEntry.of("a", "op", AuditStatus.COMPLETED));
        LitectlException e = assertThrows(LitectlException.class,
                () -> pool.write(h -> h.update("UPDATE audit_log SET operation = 'forged' WHERE id = ?", id)));
        assertTrue(e.getMessage().contains("audit_log is append-only"), e.getMessage());
        assertThrows(LitectlException.class, () -> store.audit().append(NewAuditEntry.of("a", "op", AuditStatus.COMPLETED).withContext("nope")));
        assertEquals(1, store.audit().query(AuditFilter.latest(10)).size());
    }

    private static List<Long> ids(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::id).toList();
    }
}
