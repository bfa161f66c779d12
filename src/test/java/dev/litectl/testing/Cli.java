package dev.litectl.testing;

import dev.litectl.cli.CliContext;
import dev.litectl.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real CLI in-process through {@link Main#commandLine}, capturing exit code, stdout and stderr. */
public final class Cli {
    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private InputStream stdin = new ByteArrayInputStream(new byte[0]);

    public Cli(Path workDir) {
        this.workDir = workDir;
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Cli stdin(String text) {
        stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(CliContext.of(stdin, Map.copyOf(env), workDir), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What a run left: exit code, stdout, stderr. */
    public record Result(int code, String out, String err) {
        /** stderr's lines, for asserting "exactly one line". */
        public long errLines() {
            return err.lines().count();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
