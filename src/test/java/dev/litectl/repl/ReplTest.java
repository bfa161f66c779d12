package dev.litectl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Database;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import dev.litectl.query.OutputFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL through JLine on a dumb terminal with scripted input. */
class ReplTest {
    @TempDir
    Path dir;
    Path db;
    Path history;

    @BeforeEach
    void database() throws Exception {
        db = dir.resolve("app.db");
        history = dir.resolve("history");
        try (Database d = Database.open(db)) {
            new Migrator(d, MigrationSource.builtin()).migrate();
            d.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, author TEXT)");
            d.execute("INSERT INTO notes (body, author) VALUES ('hello', 'ann'), ('world', 'bo')");
        }
    }

    private boolean readOnly;

    private Repl repl(Terminal t) {
        return new Repl(t, new ReplConfig(db, readOnly, 5000, MigrationSource.builtin(), OutputFormat.TABLE, false, history));
    }

    /**
     * Runs the REPL and types {@code input} into it like a user: one entry (a dot-command, or lines up to a
     * complete statement) at a time, waiting for the next prompt before typing on; then .quit. Returns
     * everything it printed.
     */
    private String session(String input) throws Exception {
        SyncOutput out = new SyncOutput();
        ScriptedInput in = new ScriptedInput();
        try (Terminal t = TerminalBuilder.builder().system(false).dumb(true).type("dumb").streams(in, out).build();
             Repl r = repl(t)) {
            t.echo(false);
            var loop = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var done = loop.submit(r::loop);
                out.awaitPrompts(1);
                int prompts = 1;
                StringBuilder entry = new StringBuilder();
                for (String line : (input + ".quit\n").split("\n")) {
                    entry.append(line).append('\n');
                    if (!SqlLineParser.needsMore(entry.toString())) {
                        in.send(entry.toString());
                        entry.setLength(0);
                        if (line.equals(".exit")) {
                            break;
                        }
                        if (!line.equals(".quit")) {
                            out.awaitPrompts(++prompts);
                        }
                    }
                }
                assertEquals(0, done.get(30, java.util.concurrent.TimeUnit.SECONDS));
            } finally {
                loop.shutdownNow();
            }
        }
        // the terminal turns \n into \r\n on output, as a real one does
        return out.text().replace("\r\n", "\n");
    }

    /** Terminal output that a test can wait on. */
    static final class SyncOutput extends ByteArrayOutputStream {
        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }

        void awaitPrompts(int n) throws InterruptedException {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (text().split(java.util.regex.Pattern.quote(Repl.PROMPT), -1).length - 1 < n) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no prompt #" + n + " in:\n" + text());
                }
                Thread.sleep(5);
            }
        }
    }

    private List<String> complete(String line) throws Exception {
        try (Terminal t = TerminalBuilder.builder().system(false).dumb(true).type("dumb")
                .streams(new ScriptedInput(), new ByteArrayOutputStream()).build();
             Repl r = repl(t)) {
            ParsedLine parsed = r.reader.getParser().parse(line, line.length(), ParseContext.COMPLETE);
            List<Candidate> candidates = new ArrayList<>();
            new SqlCompleter(r.schema).complete(r.reader, parsed, candidates);
            return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(parsed.word())).toList();
        }
    }

    @Test
    void completesTableAndViewNamesAfterFrom() throws Exception {
        List<String> c = complete("SELECT * FROM se");
        assertTrue(c.contains("sessions"), c.toString());
        assertTrue(c.contains("session_activity"), "views too: " + c);
        assertFalse(c.contains("SELECT"), "no keywords after FROM: " + c);
        assertTrue(complete("INSERT INTO no").contains("notes"));
        assertTrue(complete("select * from notes n join me").contains("messages"));
    }

    @Test
    void completesColumnsAfterTableNameDotAndAlias() throws Exception {
        assertEquals(List.of("notes.author"), complete("SELECT notes.au"));
        assertEquals(List.of("n.body"), complete("SELECT * FROM notes n WHERE n.bo"));
        assertEquals(List.of("n.body"), complete("SELECT * FROM notes AS n WHERE n.bo"));
    }

    @Test
    void completesColumnsOfTheTablesInTheStatementAndKeywords() throws Exception {
        List<String> c = complete("SELECT au");
        assertTrue(c.contains("audit_log"), c.toString());
        assertTrue(complete("select bo from notes where au").contains("author"));
        assertTrue(complete("sel").contains("select"), "keywords in the case typed");
        assertTrue(complete("SEL").contains("SELECT"));
    }

    @Test
    void completesDotCommandsAndTheirArguments() throws Exception {
        assertEquals(List.of(".mode", ".migrations"), complete(".m"));
        assertEquals(List.of("json", "jsonl"), complete(".mode js"));
        assertEquals(List.of("notes"), complete(".schema no"));
    }

    @Test
    void multiLineStatementRunsWhenItEndsWithASemicolon() throws Exception {
        String out = session("-- a comment alone is not a statement to wait for\nSELECT\n  1 + 1\n  AS two\n;\n");
        assertTrue(out.contains("| two |"), out);
        assertTrue(out.contains("|   2 |"), out);
        assertThrows(EOFError.class, () -> new SqlLineParser().parse("SELECT 1 + 1", 12, ParseContext.ACCEPT_LINE),
                "an incomplete statement asks for another line (the continuation prompt)");
        new SqlLineParser().parse(".tables", 7, ParseContext.ACCEPT_LINE);
    }

    @Test
    void historyPersistsAcrossTwoRuns() throws Exception {
        session("SELECT 41 AS first;\n");
        assertTrue(Files.readString(history).contains("SELECT 41 AS first;"));
        session("SELECT 42 AS second;\n");
        String h = Files.readString(history);
        assertTrue(h.contains("SELECT 41 AS first;") && h.contains("SELECT 42 AS second;"), h);
    }

    @Test
    void dotCommandsListSchemaAndChangeTheOutput() throws Exception {
        Path script = Files.writeString(dir.resolve("s.sql"), "SELECT count(*) AS n FROM notes;\n");
        Path file = dir.resolve("out.csv");
        String out = session(".tables\n.schema notes\n.indexes messages\n.mode csv\n.headers off\nSELECT body FROM notes ORDER BY id;\n"
                + ".headers on\n.read " + script + "\n.once " + file + "\nSELECT author FROM notes ORDER BY id;\n"
                + ".mode json\nSELECT 7 AS seven;\n.timer on\nSELECT 1 AS t;\n.help\n");
        assertTrue(out.contains("notes\n"), out);
        assertTrue(out.contains("session_activity\n"), out);
        assertTrue(out.contains("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, author TEXT);"), out);
        assertTrue(out.contains("idx_messages_session"), out);
        assertTrue(out.contains("hello\nworld\n"), out);
        assertTrue(out.contains("n\n2\n"), out);
        assertEquals("author\nann\nbo\n", Files.readString(file));
        assertTrue(out.contains("[{\"seven\":7}]"), out);
        assertTrue(out.contains("Run Time: "), out);
        assertTrue(out.contains(".migrations"), out);
    }

    @Test
    void migrationsAndInfoDescribeTheDatabase() throws Exception {
        String out = session(".migrations\n.info\n");
        assertTrue(out.contains("applied"), out);
        assertTrue(out.contains("schema version "), out);
        assertTrue(out.contains("page_size"), out);
        assertTrue(out.contains("| notes "), out);
    }

    @Test
    void errorsArePrintedAndTheSessionGoesOn() throws Exception {
        String out = session("SELEC 1;\nSELECT * FROM nope;\n.bogus\n.read " + dir.resolve("missing.sql")
                + "\n.mode xml\nSELECT 'still here' AS s;\n");
        assertTrue(out.contains("Error: near \"SELEC\": syntax error"), out);
        assertTrue(out.contains("Error: no such table: nope"), out);
        assertTrue(out.contains("Error: unknown command .bogus (see .help)"), out);
        assertTrue(out.contains("Error: cannot read " + dir.resolve("missing.sql") + ": no such file"), out);
        assertTrue(out.contains("Error: unknown format xml"), out);
        assertTrue(out.contains("still here"), out);
    }

    @Test
    void writeInAReadOnlySessionFailsAndTheSessionAndDataStay() throws Exception {
        readOnly = true;
        String out = session("DELETE FROM notes;\n.mode csv\nSELECT count(*) AS n FROM notes;\n");
        assertTrue(out.contains("(read-only)"), out);
        assertTrue(out.contains("Error: attempt to write a readonly database"), out);
        assertTrue(out.contains("n\n2\n"), out);
    }

    @Test
    void readOfAFileNamesTheLineOfAnError() throws Exception {
        Path script = Files.writeString(dir.resolve("bad.sql"), "SELECT 1;\n\nSELECT * FROM nope;\n");
        String out = session(".read " + script + "\n");
        assertTrue(out.contains("Error: " + script + ":3: no such table: nope"), out);
    }

    @Test
    void highlightingColoursKeywordsStringsNumbersAndCommentsOnlyWithColour() {
        String sql = "SELECT 'text', 42 FROM notes -- why";
        var styled = SqlHighlighter.highlight(sql);
        assertEquals(sql, styled.toString());
        String ansi = styled.toAnsi();
        assertTrue(ansi.contains("\u001b[") && ansi.length() > sql.length(), ansi);
        assertTrue(ansi.contains("SELECT") && ansi.contains("'text'") && ansi.contains("-- why"), ansi);
        assertEquals(sql, new SqlHighlighter(false).highlight(null, sql).toAnsi(), "no escape codes without colour");
    }

    @Test
    void quitEndsTheSessionBeforeLaterInput() throws Exception {
        String out = session("SELECT 'before' AS b;\n.exit\n");
        assertTrue(out.contains("before"), out);
        assertTrue(out.endsWith(Repl.PROMPT), "nothing after the last prompt: " + out);
    }
}
