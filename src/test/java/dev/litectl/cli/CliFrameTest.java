package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliFrameTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelpWithExamples() {
        CommandLine root = Main.commandLine(CliContext.of(System.in, Map.of(), dir), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertTrue(root.getSubcommands().size() >= 5);
        for (String name : root.getSubcommands().keySet()) {
            Cli.Result r = new Cli(dir).run(name, "--help");
            assertEquals(0, r.code(), name + ": " + r);
            assertTrue(r.out().contains("Usage: litectl " + name), name + ": " + r.out());
            assertTrue(r.out().contains("Examples:"), name + " --help has no examples: " + r.out());
            assertTrue(r.out().contains("--db"), name + " --help should list the global options: " + r.out());
        }
    }

    @Test
    void versionNamesTheToolAndRuntime() {
        Cli.Result r = new Cli(dir).run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("litectl "), r.out());
    }

    @Test
    void verboseAddsTheStackTraceQuietKeepsOnlyTheError() throws Exception {
        Path text = dir.resolve("x.txt");
        Files.writeString(text, "not a database");
        Cli.Result plain = new Cli(dir).run("--db", text.toString(), "migration-status");
        assertEquals(1, plain.errLines(), plain.err());
        Cli.Result verbose = new Cli(dir).run("--verbose", "--db", text.toString(), "migration-status");
        assertEquals(1, verbose.code());
        assertTrue(verbose.err().startsWith("litectl: cannot open"), verbose.err());
        assertTrue(verbose.err().contains("\tat dev.litectl."), verbose.err());
    }

    @Test
    void aMigrationFileThatIsNotTextIsRefusedBeforeTouchingTheDatabase() throws Exception {
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.write(m.resolve("001-bin.sql"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28});
        Cli.Result r = new Cli(dir).run("--db", dir.resolve("a.db").toString(), "--migrations", m.toString(), "migrate");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("001-bin.sql: not valid UTF-8"), r.err());
        assertFalse(Files.exists(dir.resolve("a.db")));
    }

    @Test
    void noCommandWithoutAnythingToDoIsAUsageError() {
        Cli.Result r = new Cli(dir).run("--frob");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines(), r.err());
    }
}
