package dev.litectl.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
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
}
