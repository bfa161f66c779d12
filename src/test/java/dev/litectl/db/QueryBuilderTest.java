package dev.litectl.db;

import static dev.litectl.db.Condition.and;
import static dev.litectl.db.Condition.eq;
import static dev.litectl.db.Condition.ge;
import static dev.litectl.db.Condition.in;
import static dev.litectl.db.Condition.isNull;
import static dev.litectl.db.Condition.like;
import static dev.litectl.db.Condition.lt;
import static dev.litectl.db.Condition.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryBuilderTest {
    @Test
    void selectWithJoinWhereGroupHavingOrderLimitOffset() {
        Query q = Sql.select("s.id", Expr.count().as("messages"), Expr.sum("m.tokens_used").as("tokens"))
                .from("sessions", "s")
                .leftJoin("messages", "m", Condition.columnsEqual("m.session_id", "s.id"))
                .where(and(isNull("s.deleted_at"), or(eq("s.status", "active"), like("s.name", "bot%"))))
                .where(in("s.model", List.of("a", "b")))
                .groupBy("s.id")
                .having(Condition.compare(Expr.count(), ">", 2))
                .orderByDesc("tokens").orderBy("s.id")
                .limit(10).offset(20)
                .build();
        assertEquals("SELECT \"s\".\"id\", count(*) AS \"messages\", sum(\"m\".\"tokens_used\") AS \"tokens\""
                + " FROM \"sessions\" AS \"s\" LEFT JOIN \"messages\" AS \"m\" ON \"m\".\"session_id\" = \"s\".\"id\""
                + " WHERE ((\"s\".\"deleted_at\" IS NULL) AND ((\"s\".\"status\" = ?) OR (\"s\".\"name\" LIKE ?)))"
                + " AND (\"s\".\"model\" IN (?, ?))"
                + " GROUP BY \"s\".\"id\" HAVING count(*) > ?"
                + " ORDER BY \"tokens\" DESC, \"s\".\"id\" LIMIT ? OFFSET ?", q.sql());
        assertEquals(List.of("active", "bot%", "a", "b", 2, 10L, 20L), q.params());
    }

    @Test
    void simpleSelectComparisonsAndEmptyIn() {
        Query q = Sql.select().from("telemetry").where(ge("timestamp", "2026-01-01")).where(lt("response_time_ms", 5.5))
                .where(Condition.ne("event_type", "x")).where(Condition.isNotNull("query")).where(in("id", List.of())).build();
        assertEquals("SELECT * FROM \"telemetry\" WHERE (\"timestamp\" >= ?) AND (\"response_time_ms\" < ?) AND (\"event_type\" <> ?)"
                + " AND (\"query\" IS NOT NULL) AND (1 = 0)", q.sql());
        assertEquals(List.of("2026-01-01", 5.5, "x"), q.params());
        assertEquals("SELECT * FROM \"t\" WHERE NOT (\"a\" = ?) LIMIT ?",
                Sql.select("*").from("t").where(Condition.not(eq("a", 1))).limit(5).build().sql());
    }

    @Test
    void insertPlainAndUpserts() {
        Query plain = Sql.insertInto("cache").value("key", "k").value("value", null).build();
        assertEquals("INSERT INTO \"cache\" (\"key\", \"value\") VALUES (?, ?)", plain.sql());
        assertEquals(Arrays.asList("k", null), plain.params());
        Query upsert = Sql.insertInto("metadata").value("key", "theme").value("value", "dark").onConflict("key").doUpdate().build();
        assertEquals("INSERT INTO \"metadata\" (\"key\", \"value\") VALUES (?, ?) ON CONFLICT (\"key\") DO UPDATE SET \"value\" = excluded.\"value\"",
                upsert.sql());
        assertEquals("INSERT INTO \"metadata\" (\"key\") VALUES (?) ON CONFLICT (\"key\") DO NOTHING",
                Sql.insertInto("metadata").value("key", "a").onConflict("key").doNothing().build().sql());
        assertThrows(IllegalStateException.class, () -> Sql.insertInto("t").value("a", 1).onConflict("a").build());
    }

    @Test
    void updateAndDeleteNeedAWhereUnlessAllIsSaid() {
        Query u = Sql.update("sessions").set("status", "paused").set("state", "{}").where(eq("id", "s1")).build();
        assertEquals("UPDATE \"sessions\" SET \"status\" = ?, \"state\" = ? WHERE \"id\" = ?", u.sql());
        assertEquals(List.of("paused", "{}", "s1"), u.params());
        Query d = Sql.deleteFrom("cache").where(lt("expires_at", "2026")).build();
        assertEquals("DELETE FROM \"cache\" WHERE \"expires_at\" < ?", d.sql());
        assertThrows(IllegalStateException.class, () -> Sql.update("t").set("a", 1).build());
        assertThrows(IllegalStateException.class, () -> Sql.deleteFrom("t").build());
        assertEquals("DELETE FROM \"t\"", Sql.deleteFrom("t").all().build().sql());
    }

    @Test
    void identifiersWithQuotesSemicolonsOrCommentsAreRefused() {
        for (String bad : List.of("name\"; DROP TABLE sessions; --", "a b", "x--", "t/*c*/", "1abc", "a.b.c", "", "a;", "[x]", "`x`", "a'b")) {
            assertThrows(IllegalArgumentException.class, () -> Identifiers.quote(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Sql.select(bad).from("t"), bad);
            assertThrows(IllegalArgumentException.class, () -> Sql.select().from(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> eq(bad, 1), bad);
            assertThrows(IllegalArgumentException.class, () -> Sql.insertInto("t").value(bad, 1), bad);
            assertThrows(IllegalArgumentException.class, () -> Sql.update(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Sql.select().from("t").orderBy(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Expr.count().as(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Expr.fn("load_extension", "x"));
        assertThrows(IllegalArgumentException.class, () -> Condition.compare(Expr.count(), "> 0 OR 1 =", 1));
        assertThrows(IllegalArgumentException.class, () -> eq("a", null), "= NULL is a bug: isNull says it");
    }

    @Test
    void valuesWithQuotesSemicolonsAndCommentsAreBoundAndStoredVerbatim() throws Exception {
        try (Database db = Database.openInMemory()) {
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            db.execute("INSERT INTO t (name) VALUES ('keep')");
            String evil = "x'); DROP TABLE t; -- /* \" ";
            Query ins = Sql.insertInto("t").value("name", evil).build();
            assertTrue(!ins.sql().contains("DROP"));
            assertEquals(1, ins.execute(db.connection()));
            List<Map<String, Object>> rows = Sql.select("name").from("t").where(eq("name", evil)).build().maps(db.connection());
            assertEquals(List.of(Map.of("name", evil)), rows);
            Query sneaky = Sql.select().from("t").where(or(eq("name", "' OR 1=1 --"), like("name", "%'; --"))).build();
            assertEquals(List.of(), sneaky.maps(db.connection()));
            assertEquals(2L, db.queryLong("SELECT count(*) FROM t"));
        }
    }

    record Row(long id, String name, Long tokenCount) {}

    enum Mood { HAPPY, SAD }

    record Typed(Mood mood, boolean flag, Double ratio, byte[] data) {}

    @Test
    void recordsMapEnumsBooleansRealsAndBlobs() throws Exception {
        try (Database db = Database.openInMemory()) {
            List<Typed> rows = new Query("SELECT 'sad' AS mood, 1 AS flag, 0.5 AS ratio, x'0102' AS data", List.of())
                    .list(db.connection(), Typed.class);
            assertEquals(Mood.SAD, rows.get(0).mood());
            assertTrue(rows.get(0).flag());
            assertEquals(0.5, rows.get(0).ratio());
            assertEquals(2, rows.get(0).data().length);
        }
    }

    @Test
    void resultsMapToRecordsByColumnNameOrSnakeCase() throws Exception {
        try (Database db = Database.openInMemory()) {
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, token_count INTEGER)");
            Sql.insertInto("t").value("name", "a").value("token_count", 3).build().execute(db.connection());
            Sql.insertInto("t").value("name", "b").value("token_count", null).build().execute(db.connection());
            List<Row> rows = Sql.select("token_count", "name", "id").from("t").orderBy("id").build().list(db.connection(), Row.class);
            assertEquals(List.of(new Row(1, "a", 3L), new Row(2, "b", null)), rows);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Sql.select("id").from("t").build().list(db.connection(), Row.class));
            assertTrue(e.getMessage().startsWith("no column name for Row.name"), e.getMessage());
        }
    }

    @Test
    void upsertRunsAgainstSqlite() throws Exception {
        try (Database db = Database.openInMemory()) {
            db.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT, n INTEGER DEFAULT 0)");
            for (String v : List.of("one", "two")) {
                Sql.insertInto("kv").value("k", "a").value("v", v).onConflict("k").doUpdate("v").build().execute(db.connection());
            }
            assertEquals("two", db.queryString("SELECT v FROM kv WHERE k = 'a'"));
            Sql.insertInto("kv").value("k", "a").value("v", "three").onConflict("k").doNothing().build().execute(db.connection());
            assertEquals("two", db.queryString("SELECT v FROM kv WHERE k = 'a'"));
            assertEquals(1, Sql.update("kv").set("n", 5).where(eq("k", "a")).build().execute(db.connection()));
            assertEquals(1, Sql.deleteFrom("kv").where(in("k", List.of("a", "zz"))).build().execute(db.connection()));
        }
    }
}
