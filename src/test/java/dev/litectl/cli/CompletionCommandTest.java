package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.testing.Cli;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void bashScriptCompletesEveryCommandAndItsOptions() {
        Cli.Result r = new Cli(dir).run("completion", "bash");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
        assertTrue(r.out().contains("complete -F _complete_litectl"), "registers the completion function");
        Set<String> names = CommandModel.commandNames();
        assertTrue(names.contains("migration-status") && names.contains("completion"), names.toString());
        for (String name : names) {
            assertTrue(r.out().contains(name), "completion script misses command " + name);
        }
        assertTrue(r.out().contains("--busy-timeout") && r.out().contains("--check"), "global and command options");
        assertEquals("", r.err());
    }

    @Test
    void zshScriptIsTheSameScriptLoadedThroughBashcompinit() {
        Cli.Result bash = new Cli(dir).run("completion", "bash");
        Cli.Result zsh = new Cli(dir).run("completion", "zsh");
        assertEquals(0, zsh.code(), zsh.toString());
        assertTrue(zsh.out().startsWith("#!/usr/bin/env zsh\n"), zsh.out());
        assertTrue(zsh.out().contains("bashcompinit"));
        String body = bash.out().substring(bash.out().indexOf('\n') + 1);
        assertTrue(zsh.out().endsWith(body), "zsh script carries the whole bash script");
    }

    @Test
    void unknownShellIsAUsageErrorOnOneLine() {
        Cli.Result r = new Cli(dir).run("completion", "fish");
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().startsWith("litectl: completion: unknown shell 'fish' (use bash or zsh)"), r.err());
    }

    @Test
    void missingShellIsAUsageError() {
        Cli.Result r = new Cli(dir).run("completion");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("SHELL"), r.err());
    }

    @Test
    void checkedInCompletionScriptsMatchTheCommandsOfThisBuild() throws Exception {
        for (String shell : CompletionCommand.SHELLS) {
            String script = CompletionCommand.script(shell, CommandModel.root());
            CommandModel.assertGenerated(Path.of("completions", "litectl." + shell), script);
        }
    }
}
