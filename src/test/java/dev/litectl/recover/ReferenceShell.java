package dev.litectl.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference: a sqlite3 shell whose {@code .recover} really works (built with sqlite_dbpage by
 * {@code scripts/build-reference-sqlite3.sh}, which {@code .ci/run} runs first). Never skips: a missing shell,
 * or one that cannot recover, fails the test that asked for it.
 */
final class ReferenceShell {
    private static Path shell;

    private ReferenceShell() {}

    static synchronized Path path() throws Exception {
        if (shell == null) {
            String given = System.getenv("LITECTL_SQLITE3_RECOVER");
            Path p = given != null && !given.isBlank() ? Path.of(given) : build();
            Path probe = Files.createTempDirectory("reference-probe");
            Path db = probe.resolve("probe.db");
            run(List.of(p.toString(), db.toString(),
                    "CREATE TABLE t(a, b); INSERT INTO t VALUES (1, 'one'), (2, 'two');"), null, null);
            Path out = probe.resolve("out.db");
            Path sql = probe.resolve("recover.sql");
            run(List.of(p.toString(), db.toString(), ".recover"), null, sql);
            run(List.of(p.toString(), out.toString()), sql, null);
            String count = new String(run(List.of(p.toString(), out.toString(), "SELECT count(*) FROM t"), null, null),
                    StandardCharsets.UTF_8).trim();
            assertEquals("2", count, "the reference sqlite3 at " + p + " cannot .recover (built without sqlite_dbpage?)");
            shell = p;
        }
        return shell;
    }

    private static Path build() throws Exception {
        Path script = Path.of("scripts/build-reference-sqlite3.sh").toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("reference sqlite3: " + script + " is missing");
        }
        byte[] out = run(List.of("bash", script.toString()), null, null);
        String path = new String(out, StandardCharsets.UTF_8).trim();
        Path p = Path.of(path.substring(path.lastIndexOf('\n') + 1));
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException("reference sqlite3: the build script gave no shell (" + path + ")");
        }
        return p;
    }

    /**
     * {@code sqlite3 CORRUPT .recover | sqlite3 OUT}, on a private copy of the input (and its -wal), since the
     * shell may checkpoint a WAL into the file it opened.
     */
    static void recover(Path corrupt, Path out) throws Exception {
        Path dir = Files.createTempDirectory(out.getParent(), "ref");
        Path copy = dir.resolve("input.db");
        Files.copy(corrupt, copy);
        Path wal = corrupt.resolveSibling(corrupt.getFileName() + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, dir.resolve("input.db-wal"));
        }
        Path sql = dir.resolve("recover.sql");
        run(List.of(path().toString(), copy.toString(), ".recover"), null, sql);
        run(List.of(path().toString(), out.toString()), sql, null);
    }

    /** Runs a process with a time limit; returns its stdout (or writes it to {@code stdoutFile}). */
    static byte[] run(List<String> command, Path stdin, Path stdoutFile) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Path tmp = stdoutFile != null ? stdoutFile : Files.createTempFile("proc", ".out");
        pb.redirectOutput(tmp.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        byte[] out = stdoutFile != null ? new byte[0] : Files.readAllBytes(tmp);
        if (stdoutFile == null) {
            Files.delete(tmp);
        }
        return out;
    }
}
