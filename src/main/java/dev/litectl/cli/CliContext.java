package dev.litectl.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run of litectl gets from its surroundings: standard input, the environment, the working folder,
 * and whether stdin and stdout are terminals. Tests pass their own; {@link #system()} is the real one.
 */
public record CliContext(InputStream in, Map<String, String> env, Path workDir, boolean stdinIsTerminal,
                         boolean stdoutIsTerminal) {

    public static CliContext system() {
        return new CliContext(System.in, System.getenv(), Path.of("").toAbsolutePath(),
                Terminals.isTerminal(0), Terminals.isTerminal(1));
    }

    /** A non-interactive context for tests and embedding: no terminal, the given stdin and environment. */
    public static CliContext of(InputStream in, Map<String, String> env, Path workDir) {
        return new CliContext(in, env, workDir, false, false);
    }

    /** Resolves a user-given path against the working folder. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : workDir.resolve(p).normalize();
    }
}
