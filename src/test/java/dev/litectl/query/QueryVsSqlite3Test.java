package dev.litectl.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.litectl.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** csv and json agree with the real sqlite3 shell on text, integer and NULL values (DESIGN, output contract). */
class QueryVsSqlite3Test {
    private static final String SQL = "SELECT id, \"naïve txt\", num FROM corpus ORDER BY id";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void corpus() throws Exception {
        db = Corpus.create(dir.resolve("corpus.db"));
    }

    @Test
    void csvIsByteIdenticalToSqlite3UpToLineEndings() throws Exception {
        // older shells end rows with CRLF: compare with both sides' CRLF folded, so only line endings may differ
        String ours = litectl("csv", SQL);
        String theirs = sqlite3("-csv", "-header", SQL);
        assertEquals(theirs.replace("\r\n", "\n"), ours.replace("\r\n", "\n"));
    }

    @Test
    void csvOfEveryColumnTypeMixAgreesWithSqlite3() throws Exception {
        String sql = "SELECT num AS \"a b\", \"naïve txt\" AS 'x,y', id * -1 AS neg FROM corpus WHERE id % 2 = 0 ORDER BY id DESC";
        assertEquals(sqlite3("-csv", "-header", sql).replace("\r\n", "\n"), litectl("csv", sql).replace("\r\n", "\n"));
    }

    @Test
    void jsonParsesToTheSameValueAsSqlite3Json() throws Exception {
        JsonNode ours = JSON.readTree(litectl("json", SQL));
        JsonNode theirs = JSON.readTree(sqlite3("-json", SQL));
        assertEquals(theirs, ours);
        assertEquals(Corpus.TEXTS.length, ours.size());
    }

    @Test
    void jsonlLinesAreTheObjectsOfSqlite3Json() throws Exception {
        JsonNode theirs = JSON.readTree(sqlite3("-json", SQL));
        String[] lines = litectl("jsonl", SQL).split("\n");
        assertEquals(theirs.size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(theirs.get(i), JSON.readTree(lines[i]));
        }
    }

    private static String litectl(String format, String sql) {
        Cli.Result r = new Cli(dir).run("--db", db.toString(), "query", "--format", format, sql);
        assertEquals(0, r.code(), r.toString());
        return r.out();
    }

    static String sqlite3(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "sqlite3";
        cmd[1] = db.toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}
