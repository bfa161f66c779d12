package dev.litectl.recover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.litectl.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's contract: its report, its refusals and bad inputs, and that it never writes its input. */
class RecoverCommandTest {
    @TempDir
    Path dir;
    Path good;
    Cli cli;

    @BeforeEach
    void createDatabase() throws Exception {
        good = dir.resolve("good.db");
        try (Connection c = Corpus.connect(good); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t (v) VALUES ('a'), ('b'), ('c')");
        }
        cli = new Cli(dir);
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertRefused(Cli.Result r, String why) {
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.errLines(), r.toString());
        assertTrue(r.err().startsWith("litectl: recover: "), r.err());
        assertTrue(r.err().contains(why), r.err());
        assertEquals("", r.out());
    }

    @Test
    void reportsRowsAndPagesPerTableAsTextAndJson() throws Exception {
        Cli.Result text = cli.run("--db", good.toString(), "recover", "--to", "out.db");
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("TABLE  ROWS  PAGES READ  PAGES UNREADABLE  ROWS REJECTED"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("t\\s+3\\s+1\\s+0\\s+0")), text.out());
        Cli.Result json = cli.run("--db", good.toString(), "recover", "--to", "out2.db", "--format", "json");
        assertEquals(0, json.code(), json.toString());
        JsonNode n = new ObjectMapper().readTree(json.out());
        assertEquals(3, n.get("rows_recovered").asLong());
        JsonNode t = n.get("tables").get(0);
        assertEquals("t", t.get("name").asText());
        assertEquals(3, t.get("rows").asLong());
        assertEquals(1, t.get("pages_read").asLong());
        assertEquals(0, t.get("pages_unreadable").asLong());
        assertTrue(n.get("lost_and_found").get("table").isNull());
        assertTrue(n.get("header_valid").asBoolean());
        assertEquals(4096, n.get("page_size").asInt());
        assertEquals(3, TableComparison.count(dir.resolve("out2.db"), "t"));
    }

    @Test
    void aReportFormatOtherThanTableOrJsonIsAUsageError() {
        Cli.Result r = cli.run("--db", good.toString(), "recover", "--to", "out.db", "--format", "csv");
        assertEquals(2, r.code(), r.toString());
        assertFalse(Files.exists(dir.resolve("out.db")));
    }

    @Test
    void anEmptyFileIsNotASqliteDatabase() throws Exception {
        Files.write(dir.resolve("empty.db"), new byte[0]);
        List<String> before = files();
        assertRefused(cli.run("--db", "empty.db", "recover", "--to", "out.db"), "is not a SQLite database: the file is empty");
        assertEquals(before, files(), "no partial output");
    }

    @Test
    void aTextFileIsNotASqliteDatabase() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello\n".repeat(5000), StandardCharsets.UTF_8);
        List<String> before = files();
        assertRefused(cli.run("--db", "notes.txt", "recover", "--to", "out.db"), "is not a SQLite database");
        assertEquals(before, files(), "no partial output");
    }

    @Test
    void aFileShorterThanOnePageIsRefused() throws Exception {
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(good), 300);
        Files.write(dir.resolve("short.db"), head);
        List<String> before = files();
        assertRefused(cli.run("--db", "short.db", "recover", "--to", "out.db"), "shorter than one page (300 bytes)");
        assertEquals(before, files(), "no partial output");
    }

    @Test
    void aFileWithAHeaderButNoReadablePageLeavesNoPartialOutput() throws Exception {
        byte[] file = new byte[8192];
        System.arraycopy(Files.readAllBytes(good), 0, file, 0, 100);
        Files.write(dir.resolve("blank.db"), file);
        List<String> before = files();
        assertRefused(cli.run("--db", "blank.db", "recover", "--to", "out.db"), "nothing could be recovered");
        assertEquals(before, files(), "the temporary output is removed");
    }

    @Test
    void anExistingTargetIsReplacedOnlyWithForce() throws Exception {
        Path target = dir.resolve("out.db");
        Files.writeString(target, "keep me");
        assertRefused(cli.run("--db", good.toString(), "recover", "--to", "out.db"), "already exists (use --force");
        assertEquals("keep me", Files.readString(target));
        Cli.Result forced = cli.run("--db", good.toString(), "recover", "--to", "out.db", "--force");
        assertEquals(0, forced.code(), forced.toString());
        assertEquals(3, TableComparison.count(target, "t"));
    }

    @Test
    void theInputItselfIsNeverATargetEvenWithForce() throws Exception {
        byte[] before = Files.readAllBytes(good);
        assertRefused(cli.run("--db", good.toString(), "recover", "--to", "good.db", "--force"), "is the input itself");
        assertRefused(cli.run("--db", good.toString(), "recover", "--to", "./sub/../good.db", "--force"), "is the input itself");
        assertArrayEquals(before, Files.readAllBytes(good));
    }

    @Test
    void aTargetFolderThatIsNotWritableIsRefused() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertRefused(cli.run("--db", good.toString(), "recover", "--to", "locked/out.db"), "is not writable");
            assertFalse(Files.exists(locked.resolve("out.db")));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMissingInputIsRefused() {
        assertRefused(cli.run("--db", "nope.db", "recover", "--to", "out.db"), "no such file");
        assertFalse(Files.exists(dir.resolve("out.db")));
    }

    @Test
    void theInputAndItsWalAreNeverModified() throws Exception {
        Path wal = dir.resolve("w.db");
        Path walCopy = dir.resolve("w-copy.db");
        Corpus.buildWal(wal, walCopy);
        byte[] db = Files.readAllBytes(walCopy);
        byte[] log = Files.readAllBytes(dir.resolve("w-copy.db-wal"));
        Cli.Result r = cli.run("--db", walCopy.toString(), "recover", "--to", "w-out.db");
        assertEquals(0, r.code(), r.toString());
        assertArrayEquals(db, Files.readAllBytes(walCopy));
        assertArrayEquals(log, Files.readAllBytes(dir.resolve("w-copy.db-wal")));
        assertFalse(Files.exists(dir.resolve("w-copy.db-shm")), "not even a shared-memory file is created");
        assertEquals(300, TableComparison.count(dir.resolve("w-out.db"), "people"));
    }
}
