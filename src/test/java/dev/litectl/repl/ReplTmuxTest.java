package dev.litectl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Database;
import dev.litectl.testing.LitectlProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL in a real terminal under tmux, started as {@code litectl} with no command (stdin is a terminal):
 * Tab completion, and Ctrl-C during a long query.
 */
class ReplTmuxTest {
    private static final String LONG_QUERY =
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
    @TempDir
    Path dir;
    private final String session = "litectl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @AfterEach
    void kill() throws Exception {
        tmux("kill-session", "-t", session);
    }

    @Test
    void tabCompletesATableNameAndCtrlCStopsALongQueryThenTheNextOneRuns() throws Exception {
        Path db = dir.resolve("app.db");
        try (Database d = Database.open(db)) {
            d.execute("CREATE TABLE conversation_log (id INTEGER PRIMARY KEY, body TEXT)");
            d.execute("INSERT INTO conversation_log (body) VALUES ('hi')");
        }
        StringBuilder cmd = new StringBuilder("LITECTL_HISTORY=" + quote(dir.resolve("h").toString()) + " ");
        for (String a : LitectlProcess.command("--db", db.toString())) {
            cmd.append(quote(a)).append(' ');
        }
        cmd.append("; echo EXITED-$?; sleep 30");
        assertEquals(0, tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "40", cmd.toString()));
        await(s -> s.contains("litectl> "), "the prompt");

        type("SELECT count(*) AS n FROM conv");
        keys("Tab");
        await(s -> s.contains("FROM conversation_log"), "Tab completes the table name");
        type(";");
        keys("Enter");
        await(s -> s.contains("| 1 |"), "the completed query runs");

        type(LONG_QUERY + ";");
        keys("Enter");
        Thread.sleep(300);
        keys("C-c");
        await(s -> s.contains("Error: interrupted"), "Ctrl-C stops the statement");
        type("SELECT 'after' || '-interrupt' AS state;");
        keys("Enter");
        await(s -> s.contains("after-interrupt"), "the next query runs on the same session");
        keys("C-d");
        await(s -> s.contains("EXITED-0"), "Ctrl-D leaves with exit code 0");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private void type(String text) throws Exception {
        // tmux reads an argument ending in ';' as a command separator: send semicolons as hex
        String[] parts = text.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                tmux("send-keys", "-t", session, "-l", parts[i]);
            }
            if (i < parts.length - 1) {
                tmux("send-keys", "-t", session, "-H", "3b");
            }
        }
    }

    private void keys(String key) throws Exception {
        tmux("send-keys", "-t", session, key);
    }

    private String screen() throws Exception {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-J", "-S", "-200", "-t", session).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return s;
    }

    /** Polls the screen until {@code ok} holds, for at most 20 seconds. */
    private void await(Predicate<String> ok, String what) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String s = screen();
        while (!ok.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain for " + what + "; the screen:\n" + s);
            }
            Thread.sleep(50);
            s = screen();
        }
        assertTrue(ok.test(s));
    }

    private static int tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("tmux");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
