package dev.litectl.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Database;
import dev.litectl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** litectl query: sources, parameters, errors with their exit codes, read-only, timeout, explain. */
class QueryCommandTest {
    private static final String LONG_QUERY =
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void database() throws Exception {
        db = dir.resolve("app.db");
        try (Database d = Database.open(db)) {
            d.execute("CREATE TABLE x (id INTEGER PRIMARY KEY, name TEXT)");
            d.execute("INSERT INTO x (name) VALUES ('alice'), ('bob')");
        }
    }

    private Cli.Result query(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--db";
        all[1] = db.toString();
        all[2] = "query";
        System.arraycopy(args, 0, all, 3, args.length);
        return new Cli(dir).run(all);
    }

    private long rows() throws Exception {
        try (Database d = Database.open(db)) {
            return d.queryLong("SELECT count(*) FROM x");
        }
    }

    @Test
    void defaultFormatOffATerminalIsCsvWithHeader() {
        Cli.Result r = query("SELECT id, name FROM x ORDER BY id");
        assertEquals(0, r.code(), r.toString());
        assertEquals("id,name\n1,alice\n2,bob\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void emptyResultKeepsTheCsvHeaderAndJsonIsAnEmptyArray() {
        assertEquals("id,name\n", query("SELECT id, name FROM x WHERE 0").out());
        assertEquals("[]\n", query("--format", "json", "SELECT id, name FROM x WHERE 0").out());
    }

    @Test
    void scriptPrintsTheRowsOfEachStatementThatReturnsRows() throws Exception {
        Cli.Result r = query("INSERT INTO x (name) VALUES ('carol'); SELECT count(*) AS n FROM x; UPDATE x SET name = 'z'; SELECT 1 AS one;");
        assertEquals(0, r.code(), r.toString());
        assertEquals("n\n3\none\n1\n", r.out());
        assertEquals(3, rows());
    }

    @Test
    void sqlComesFromAFileAndErrorsNameItsLine() throws Exception {
        Files.writeString(dir.resolve("report.sql"), "SELECT 1 AS a;\n\n-- comment\nSELECT * FROM nope;\n");
        Cli.Result r = query("--file", "report.sql");
        assertEquals(1, r.code(), r.toString());
        assertEquals("a\n1\n", r.out());
        assertEquals("litectl: query: report.sql:4: no such table: nope\n", r.err());
    }

    @Test
    void sqlComesFromStdin() {
        Cli.Result r = new Cli(dir).stdin("SELECT name FROM x WHERE id = 2;").run("--db", db.toString(), "query");
        assertEquals("name\nbob\n", r.out());
    }

    @Test
    void noCommandRunsStdinAsAScript() throws Exception {
        Cli.Result r = new Cli(dir).stdin("INSERT INTO x (name) VALUES ('dave');\nSELECT count(*) AS n FROM x;\nSELEC oops;\n")
                .run("--db", db.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("n\n3\n", r.out());
        assertEquals("litectl: query: stdin:3: near \"SELEC\": syntax error\n", r.err());
    }

    @Test
    void replWithStdinNotATerminalRunsItAsAScript() {
        Cli.Result r = new Cli(dir).stdin("SELECT count(*) AS n FROM x;\nDELETE FROM x;\n").run("--db", db.toString(), "repl", "--read-only");
        assertEquals(1, r.code(), r.toString());
        assertEquals("n\n2\n", r.out());
        assertEquals("litectl: query: stdin:2: attempt to write a readonly database\n", r.err());
    }

    @Test
    void syntaxErrorIsOneLineWithExitCode1() {
        Cli.Result r = query("SELEC 1");
        assertEquals(1, r.code());
        assertEquals("litectl: query: argument:1: near \"SELEC\": syntax error\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownTableIsAnErrorAndTheDatabaseIsIntact() throws Exception {
        Cli.Result r = query("DELETE FROM x; SELECT * FROM missing");
        assertEquals(1, r.code());
        assertEquals("litectl: query: argument:1: no such table: missing\n", r.err());
        assertEquals(0, rows(), "statements before the error ran, as in sqlite3");
    }

    @Test
    void writeUnderReadOnlyFailsClearlyAndChangesNothing() throws Exception {
        Cli.Result r = query("--read-only", "DELETE FROM x");
        assertEquals(1, r.code());
        assertEquals("litectl: query: argument:1: attempt to write a readonly database\n", r.err());
        assertEquals(2, rows());
        assertEquals("n\n2\n", query("--read-only", "SELECT count(*) AS n FROM x").out());
    }

    @Test
    void readOnlyAlsoCoversAttachedDatabases() throws Exception {
        Path other = dir.resolve("other.db");
        try (Database d = Database.open(other)) {
            d.execute("CREATE TABLE y (v)");
        }
        Cli.Result r = query("--read-only", "--param", "f=" + other, "ATTACH :f AS o; INSERT INTO o.y VALUES (1)");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("readonly"), r.err());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Cli.Result r = query("--format", "xml", "SELECT 1");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines());
        assertTrue(r.err().contains("'xml'"), r.err());
    }

    @Test
    void missingDatabaseIsAnErrorAndIsNotCreated() {
        Cli.Result r = new Cli(dir).run("--db", "nope.db", "query", "SELECT 1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no such database file"), r.err());
        assertFalse(Files.exists(dir.resolve("nope.db")));
    }

    @Test
    void missingFileAndSqlTwiceAreErrors() {
        assertEquals("litectl: query: cannot read gone.sql: no such file\n", query("--file", "gone.sql").err());
        assertEquals(2, query("--file", "a.sql", "SELECT 1").code());
    }

    @Test
    void injectionAttemptsInParametersAreData() throws Exception {
        String[] nasty = {"'; DROP TABLE x; --", "1 OR 1=1", "\"); DELETE FROM x; --", "x'00'", "$(rm -rf /)"};
        for (String v : nasty) {
            Cli.Result r = query("--format", "json", "--param", "v=" + v, "SELECT :v AS v, typeof(:v) AS t");
            assertEquals(0, r.code(), r.toString());
            assertEquals("[{\"v\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(v) + ",\"t\":\"text\"}]\n", r.out());
        }
        assertEquals(2, rows());
        Cli.Result r = query("--param", "name='; DROP TABLE x; --", "INSERT INTO x (name) VALUES (@name); SELECT name FROM x WHERE id = 3");
        assertEquals("name\n\"'; DROP TABLE x; --\"\n", r.out());
    }

    @Test
    void parametersBindByNameAndIndexAndIntegersBindAsIntegers() {
        Cli.Result r = query("--param", "id=2", "--param", "1=hello", "--param", "z=007",
                "SELECT name, ?1 AS p, $z AS z, typeof(:id) AS t FROM x WHERE id = :id");
        assertEquals(0, r.code(), r.toString());
        assertEquals("name,p,z,t\nbob,hello,007,integer\n", r.out());
    }

    @Test
    void aParameterTheSqlDoesNotUseIsAUsageError() {
        Cli.Result r = query("--param", "idd=2", "SELECT name FROM x WHERE id = :id");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("litectl: --param idd: the SQL has no parameter :idd"), r.err());
    }

    @Test
    void timeoutStopsACpuBoundQueryWithItsOwnMessageAndExit130() {
        long start = System.nanoTime();
        Cli.Result r = query("--timeout", "0.5", LONG_QUERY);
        assertEquals(130, r.code(), r.toString());
        assertEquals("litectl: query: argument: stopped by --timeout after 0.5 s\n", r.err());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
        assertEquals(2, query("--timeout", "0", "SELECT 1").code());
    }

    @Test
    void timeoutAlsoStopsAQueryWhileItIsStreamingRows() {
        Cli.Result r = query("--timeout", "1",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c WHERE x % 100000 = 1");
        assertEquals(130, r.code(), r.toString());
        assertTrue(r.out().startsWith("x\n1\n100001\n"), r.out());
        assertEquals("litectl: query: argument: stopped by --timeout after 1 s\n", r.err());
    }

    @Test
    void explainPrintsThePlanAsATree() {
        Cli.Result r = query("--explain", "SELECT * FROM x WHERE name > 'a' ORDER BY length(name)");
        assertEquals(0, r.code(), r.toString());
        assertEquals("QUERY PLAN\n|--SCAN x\n`--USE TEMP B-TREE FOR ORDER BY\n", r.out());
    }
}
