package dev.litectl.cli;

import java.util.Iterator;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code litectl completion bash|zsh}: a completion script generated from the command model by picocli's
 * {@link AutoComplete}, so every command and option is in it as soon as it exists. The top-level
 * {@code completions/} folder holds the same scripts (a test fails when they are stale).
 */
@Command(name = "completion",
        description = "Print a shell completion script for bash or zsh.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(litectl completion bash)                       in ~/.bashrc",
            "  litectl completion bash > ~/.local/share/bash-completion/completions/litectl",
            "  source <(litectl completion zsh)                        in ~/.zshrc"
        })
final class CompletionCommand extends LitectlCommand {
    /** The shells a script can be printed for. */
    static final List<String> SHELLS = List.of("bash", "zsh");

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!SHELLS.contains(shell)) {
            throw usage("completion: unknown shell '" + shell + "' (use bash or zsh)");
        }
        out().print(script(shell, spec.root().commandLine()));
        return ExitCodes.OK;
    }

    /**
     * The script for {@code shell}. picocli's script serves both shells: under zsh it loads
     * {@code bashcompinit} itself, so the zsh script is the same with a zsh header.
     */
    static String script(String shell, CommandLine root) {
        String bash = AutoComplete.bash(root.getCommandName(), root);
        if ("zsh".equals(shell)) {
            return "#!/usr/bin/env zsh\n# litectl completion for zsh: source this file from ~/.zshrc"
                    + " (it runs compinit and bashcompinit).\n" + bash.substring(bash.indexOf('\n') + 1);
        }
        return bash;
    }

    /** Completion candidates for SHELL. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SHELLS.iterator();
        }
    }
}
