package dev.litectl.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Database;
import dev.litectl.testing.LitectlProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a process shows: flat memory on a big result, and no JLine on the script path. */
class QueryProcessTest {
    @TempDir
    Path dir;

    private Path emptyDb() throws Exception {
        Path db = dir.resolve("app.db");
        try (Database d = Database.open(db)) {
            d.execute("CREATE TABLE t (v)");
        }
        return db;
    }

    @Test
    void streamsTwoMillionRowsToCsvWithA64MegabyteHeap() throws Exception {
        Path db = emptyDb();
        List<String> cmd = LitectlProcess.command("--db", db.toString(), "query", "--format", "csv",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 2000000) "
                        + "SELECT x AS id, printf('row %08d with some padding text to make it wide', x) AS label, "
                        + "x * 0.5 AS half, NULL AS nul FROM c");
        cmd.add(1, "-Xmx64m");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        long lines = 0;
        long bytes = 0;
        byte[] tail = new byte[0];
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                bytes += n;
                tail = java.util.Arrays.copyOfRange(buf, Math.max(0, n - 80), n);
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertEquals(2_000_001, lines);
        assertTrue(bytes > 64L * 1024 * 1024, "more output than heap: " + bytes);
        assertTrue(new String(tail, StandardCharsets.UTF_8).endsWith(
                "2000000,\"row 02000000 with some padding text to make it wide\",1000000.0,\n"));
    }

    @Test
    void aReaderThatStopsEarlyLikeHeadEndsTheQueryQuietly() throws Exception {
        Path db = emptyDb();
        List<String> cmd = LitectlProcess.command("--db", db.toString(), "query",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5000000) SELECT x FROM c");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        byte[] head = p.getInputStream().readNBytes(8);
        p.getInputStream().close();
        assertEquals("x\n1\n2\n3\n", new String(head, StandardCharsets.UTF_8));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("", Files.readString(dir.resolve("err.txt")));
        assertEquals(0, p.exitValue());
    }

    @Test
    void scriptOnStdinRunsWithoutLoadingJline() throws Exception {
        scriptRunsWithoutJline();
    }

    @Test
    void replWithStdinNotATerminalRunsItAsAScriptWithoutLoadingJline() throws Exception {
        scriptRunsWithoutJline("repl");
    }

    private void scriptRunsWithoutJline(String... command) throws Exception {
        Path db = emptyDb();
        Path script = Files.writeString(dir.resolve("s.sql"), "INSERT INTO t VALUES (1);\nSELECT count(*) AS n FROM t;\n");
        Path classes = dir.resolve("classes.log");
        List<String> cmd = LitectlProcess.command("--db", db.toString());
        cmd.addAll(List.of(command));
        cmd.add(1, "-Xlog:class+load=info:file=" + classes);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(script.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertEquals("n\n1\n", out);
        assertEquals("", Files.readString(dir.resolve("err.txt")));
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("dev.litectl.query.CsvWriter"), "the log lists loaded classes");
        assertFalse(loaded.contains("org.jline"), "JLine was loaded on the script path");
    }
}
