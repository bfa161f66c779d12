package dev.litectl.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasePoolTest {
    @TempDir
    Path dir;

    private DatabasePool poolWithTable() {
        DatabasePool pool = DatabasePool.open(dir.resolve("p.db"), PoolOptions.defaults().withReaders(2));
        pool.exclusive(db -> {
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
            return null;
        });
        return pool;
    }

    @Test
    void openCreatesAWalDatabaseWithForeignKeysOnEveryConnection() {
        try (DatabasePool pool = poolWithTable()) {
            assertEquals("wal", pool.read(h -> h.database().queryString("PRAGMA journal_mode")));
            assertEquals(1L, (long) pool.read(h -> h.queryLong("PRAGMA foreign_keys")));
            assertEquals(1L, (long) pool.write(h -> h.queryLong("PRAGMA foreign_keys")));
        }
    }

    @Test
    void anExistingRollbackJournalDatabaseIsSwitchedToWal() throws Exception {
        Path file = dir.resolve("old.db");
        try (Database db = Database.open(file)) {
            db.execute("PRAGMA journal_mode = DELETE");
            db.execute("CREATE TABLE t (x)");
        }
        try (DatabasePool pool = DatabasePool.open(file, PoolOptions.defaults().withMode(OpenMode.READ_WRITE))) {
            assertEquals("wal", pool.read(h -> h.database().queryString("PRAGMA journal_mode")));
        }
    }

    @Test
    void writeCommitsOrRollsBackAsAWholeAndReadersSeeOnlyCommittedRows() {
        try (DatabasePool pool = poolWithTable()) {
            pool.write(h -> h.update("INSERT INTO t (v) VALUES (?)", "a"));
            LitectlException e = assertThrows(LitectlException.class, () -> pool.write("cannot add rows", h -> {
                h.update("INSERT INTO t (v) VALUES (?)", "b");
                return h.update("INSERT INTO t (v) VALUES (?)", (Object) null);
            }));
            assertTrue(e.getMessage().startsWith("cannot add rows: NOT NULL constraint failed: t.v"), e.getMessage());
            assertEquals(1L, (long) pool.read(h -> h.queryLong("SELECT count(*) FROM t")));
            pool.write(h -> {
                h.update("INSERT INTO t (v) VALUES (?)", "c");
                assertEquals(1L, (long) pool.read(r -> r.queryLong("SELECT count(*) FROM t")), "not committed yet");
                return pool.write(inner -> inner.update("INSERT INTO t (v) VALUES (?)", "nested joins the outer transaction"));
            });
            assertEquals(3L, (long) pool.read(h -> h.queryLong("SELECT count(*) FROM t")));
        }
    }

    @Test
    void anotherConnectionHoldingTheLockPastTheBusyTimeoutIsADatabaseBusyException() throws Exception {
        Path file = dir.resolve("busy.db");
        try (DatabasePool pool = DatabasePool.open(file, PoolOptions.defaults().withBusyTimeoutMs(200));
                Database other = Database.open(file, OpenMode.READ_WRITE, 200)) {
            pool.exclusive(db -> {
                db.execute("CREATE TABLE t (x)");
                return null;
            });
            other.execute("BEGIN IMMEDIATE");
            DatabaseBusyException busy = assertThrows(DatabaseBusyException.class,
                    () -> pool.write("cannot add a row", h -> h.update("INSERT INTO t VALUES (1)")));
            assertTrue(busy.getMessage().startsWith("cannot add a row: database is locked"), busy.getMessage());
            assertEquals(0L, (long) pool.read(h -> h.queryLong("SELECT count(*) FROM t")), "readers still read under WAL");
            other.execute("ROLLBACK");
            pool.write(h -> h.update("INSERT INTO t VALUES (1)"));
            assertEquals(1L, (long) pool.read(h -> h.queryLong("SELECT count(*) FROM t")));
        }
    }

    @Test
    void readConnectionsCannotWrite() {
        try (DatabasePool pool = poolWithTable()) {
            LitectlException e = assertThrows(LitectlException.class, () -> pool.read(h -> h.update("INSERT INTO t (v) VALUES ('x')")));
            assertTrue(e.getMessage().contains("readonly") || e.getMessage().contains("query_only"), e.getMessage());
        }
    }

    @Test
    void preparedStatementsAreReusedPerConnection() {
        try (DatabasePool pool = poolWithTable()) {
            pool.write(h -> {
                PreparedStatement a = h.prepare("INSERT INTO t (v) VALUES (?)");
                int cached = h.cachedStatements();
                PreparedStatement b = h.prepare("INSERT INTO t (v) VALUES (?)");
                assertSame(a, b);
                assertEquals(cached, h.cachedStatements());
                return null;
            });
        }
    }

    @Test
    void statementCacheEvictsTheLeastRecentlyUsed() {
        try (DatabasePool pool = DatabasePool.open(dir.resolve("c.db"), PoolOptions.defaults().withReaders(1).withStatementCacheSize(2))) {
            pool.read(h -> {
                for (int i = 0; i < 5; i++) {
                    assertEquals(i, h.queryLong("SELECT " + i));
                }
                assertEquals(2, h.cachedStatements());
                return null;
            });
        }
    }

    @Test
    void healthReportsQuickCheckWriteProbeAndWalSize() {
        try (DatabasePool pool = poolWithTable()) {
            pool.write(h -> h.update("INSERT INTO t (v) VALUES ('x')"));
            HealthResult health = pool.health();
            assertTrue(health.healthy(), health.toString());
            assertEquals("ok", health.quickCheck());
            assertTrue(health.writable());
            assertTrue(health.walBytes() > 0, health.toString());
            assertEquals(0L, (long) pool.read(h -> h.queryLong("PRAGMA user_version")), "the probe changed nothing");
        }
    }

    @Test
    void readOnlyPoolHasNoWriterAndIsHealthyWithoutOne() {
        poolWithTable().close();
        try (DatabasePool pool = DatabasePool.open(dir.resolve("p.db"), PoolOptions.defaults().withMode(OpenMode.READ_ONLY))) {
            LitectlException e = assertThrows(LitectlException.class, () -> pool.write(h -> h.update("DELETE FROM t")));
            assertTrue(e.getMessage().endsWith("the pool was opened read-only"), e.getMessage());
            HealthResult health = pool.health();
            assertTrue(health.healthy());
            assertFalse(health.writable());
        }
    }

    @Test
    void openingAMissingFileWithoutCreateOrANonDatabaseFails() throws Exception {
        LitectlException missing = assertThrows(LitectlException.class,
                () -> DatabasePool.open(dir.resolve("none.db"), PoolOptions.defaults().withMode(OpenMode.READ_WRITE)));
        assertTrue(missing.getMessage().contains("no such database file"), missing.getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a database at all........");
        assertThrows(LitectlException.class, () -> DatabasePool.open(text));
    }

    @Test
    void closedPoolRefusesWork() {
        DatabasePool pool = poolWithTable();
        pool.close();
        pool.close();
        LitectlException e = assertThrows(LitectlException.class, () -> pool.read(h -> 1));
        assertTrue(e.getMessage().endsWith("the pool is closed"));
    }

    private static final CachedSql COUNT = CachedSql.of("SELECT count(*) FROM t WHERE v = ?");

    @Test
    void aCachedSqlIsPreparedOncePerConnectionAndFoundAgainByItsKey() {
        try (DatabasePool pool = poolWithTable()) {
            pool.write(h -> h.update("INSERT INTO t (v) VALUES (?)", "a"));
            pool.read(h -> {
                PreparedStatement a = h.prepare(COUNT);
                int cached = h.cachedStatements();
                PreparedStatement b = h.prepare(COUNT);
                assertSame(a, b);
                assertEquals(cached, h.cachedStatements());
                b.setString(1, "a");
                try (var rs = b.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getLong(1));
                }
                return null;
            });
            assertThrows(IllegalArgumentException.class, () -> CachedSql.of(" "));
        }
    }

    @Test
    void keysBeyondTheCacheSizeStillWorkThroughTheTextCache() {
        try (DatabasePool pool = DatabasePool.open(dir.resolve("k.db"), PoolOptions.defaults().withReaders(1).withStatementCacheSize(1))) {
            List<CachedSql> keys = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                keys.add(CachedSql.of("SELECT " + i));
            }
            pool.read(h -> {
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < keys.size(); i++) {
                        try (var rs = h.prepare(keys.get(i)).executeQuery()) {
                            assertTrue(rs.next());
                            assertEquals(i, rs.getLong(1));
                        }
                    }
                }
                assertTrue(h.cachedStatements() <= 2, "one keyed slot and one statement by text: " + h.cachedStatements());
                return null;
            });
        }
    }

    @Test
    void aReaderIsLentToOneThreadAtATimeAndThreadsBeyondTheReadersWaitForOne() throws Exception {
        try (DatabasePool pool = poolWithTable()) { // 2 readers
            pool.write(h -> h.update("INSERT INTO t (v) VALUES (?)", "a"));
            Set<Handle> inUse = ConcurrentHashMap.newKeySet();
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger reads = new AtomicInteger();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < 500; i++) {
                            pool.read("cannot count", "a", (h, v) -> {
                                if (!inUse.add(h)) {
                                    overlaps.incrementAndGet();
                                }
                                try {
                                    PreparedStatement ps = h.prepare(COUNT);
                                    ps.setString(1, v);
                                    try (var rs = ps.executeQuery()) {
                                        rs.next();
                                        return rs.getLong(1);
                                    }
                                } finally {
                                    inUse.remove(h);
                                    reads.incrementAndGet();
                                }
                            });
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), errors);
            assertEquals(0, overlaps.get(), "a reader was lent to two threads at once");
            assertEquals(6 * 500, reads.get());
        }
    }

    @Test
    void theArgumentEndsTheErrorMessageWhichIsBuiltOnlyOnFailure() {
        try (DatabasePool pool = poolWithTable()) {
            LitectlException e = assertThrows(LitectlException.class,
                    () -> pool.read("cannot read row", 42L, (h, id) -> h.queryLong("SELECT nope FROM t WHERE id = ?", id)));
            assertTrue(e.getMessage().startsWith("cannot read row 42: no such column: nope"), e.getMessage());
            LitectlException w = assertThrows(LitectlException.class,
                    () -> pool.writeStatement("cannot add row", "x", (h, v) -> h.update("INSERT INTO t (id, v) VALUES (1, ?), (1, ?)", v, v)));
            assertTrue(w.getMessage().startsWith("cannot add row x: UNIQUE constraint failed"), w.getMessage());
            assertEquals(0L, (long) pool.read(h -> h.queryLong("SELECT count(*) FROM t")));
        }
    }

    @Test
    void aNewDatabaseGetsIncrementalAutoVacuumAndAnExistingOneKeepsItsMode() throws Exception {
        try (DatabasePool pool = poolWithTable()) {
            assertEquals(2L, (long) pool.read(h -> h.queryLong("PRAGMA auto_vacuum")), "created: INCREMENTAL");
        }
        Files.createFile(dir.resolve("empty.db"));
        try (Database db = Database.open(dir.resolve("empty.db"))) {
            assertEquals(2L, db.queryLong("PRAGMA auto_vacuum"), "an empty file is a new database");
        }
        Path old = dir.resolve("old.db");
        try (Database db = Database.open(old)) {
            db.execute("PRAGMA auto_vacuum = NONE");
            db.execute("VACUUM");
            db.execute("CREATE TABLE t (x)");
        }
        try (Database db = Database.open(old)) {
            assertEquals(0L, db.queryLong("PRAGMA auto_vacuum"), "opening with CREATE leaves an existing database's mode");
        }
    }
}
