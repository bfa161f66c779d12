package dev.litectl.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/install.sh into a temporary prefix: the installed launcher runs the installed jar (with its start-up
 * cache under XDG_CACHE_HOME), and the installed bash completion completes {@code litectl mig<Tab>} in an
 * interactive bash running in a real terminal (tmux).
 */
class InstallIT {
    @TempDir
    static Path dir;

    private static Path prefix;
    private static Path cache;
    private final String socket = "litectl-install-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @BeforeAll
    static void install() throws Exception {
        prefix = dir.resolve("prefix with space");
        cache = dir.resolve("cache");
        Result r = run(List.of("sh", "scripts/install.sh", prefix.toString()), 180);
        assertEquals(0, r.code, r.out);
        assertTrue(r.out.startsWith("litectl "), r.out);
    }

    @AfterEach
    void stopTmux() throws Exception {
        run(List.of("tmux", "-L", socket, "kill-server"), 10);
    }

    @Test
    void installPutsJarLauncherAndCompletionsUnderThePrefix() {
        for (String f : List.of("bin/litectl", "lib/litectl/litectl.jar", "share/bash-completion/completions/litectl",
                "share/litectl/completions/litectl.bash", "share/litectl/completions/litectl.zsh")) {
            assertTrue(Files.isRegularFile(prefix.resolve(f)), f);
        }
        assertTrue(Files.isExecutable(prefix.resolve("bin/litectl")));
    }

    @Test
    void installedLauncherRunsTheInstalledJarWithItsStartUpCache() throws Exception {
        Result r = run(List.of(prefix.resolve("bin/litectl").toString(), "--version"), 60);
        assertEquals(0, r.code, r.out);
        assertTrue(r.out.matches("(?s)litectl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\nJava .*"), r.out);
        try (var dirs = Files.list(cache.resolve("litectl"))) {
            Path entry = dirs.findFirst().orElseThrow();
            assertTrue(Files.exists(entry.resolve("stamp")), "cache made by the install's first run: " + entry);
            try (var libs = Files.list(entry.resolve("native"))) {
                assertTrue(libs.anyMatch(p -> p.getFileName().toString().contains("sqlitejdbc")), "native library cached");
            }
        }
    }

    @Test
    void aSymlinkToTheInstalledLauncherFindsTheInstalledJar() throws Exception {
        Path link = Files.createDirectories(dir.resolve("elsewhere")).resolve("litectl");
        Files.createSymbolicLink(link, prefix.resolve("bin/litectl"));
        Result r = run(List.of(link.toString(), "--version"), 60);
        assertEquals(0, r.code, r.out);
        assertTrue(r.out.startsWith("litectl "), r.out);
    }

    @Test
    void bashCompletesLitectlMigInAnInteractiveShell() throws Exception {
        Path completion = prefix.resolve("share/bash-completion/completions/litectl");
        String shell = "env -i HOME=" + q(dir.toString()) + " TERM=xterm PATH=" + q(prefix.resolve("bin") + ":/usr/bin:/bin")
                + " HISTFILE=/dev/null PS1='$ ' bash --norc --noprofile -i";
        assertEquals(0, run(List.of("tmux", "-L", socket, "new-session", "-d", "-x", "160", "-y", "40", shell), 20).code);
        keys("source " + q(completion.toString()), "Enter");
        keys("litectl mig", "Tab");
        String line = await("$ litectl migrat");
        assertTrue(line.contains("$ litectl migrat"), "mig<Tab> extends to the common prefix: " + line);
        keys("Tab", "Tab");
        String listed = await("migration-status");
        assertTrue(listed.contains("migrate") && listed.contains("migration-status"), "Tab Tab lists both: " + listed);
        keys("ion-s", "Tab");
        String done = await("\n$ litectl migration-status\n");
        assertTrue(done.contains("\n$ litectl migration-status\n"), "completed the only candidate: " + done);
    }

    private void keys(String... keys) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("tmux", "-L", socket, "send-keys", "-t", "0"));
        cmd.addAll(List.of(keys));
        assertEquals(0, run(cmd, 10).code);
    }

    /** The pane's text once it contains {@code text}, or after 10 s whatever it shows. */
    private String await(String text) throws Exception {
        String pane = "";
        for (int i = 0; i < 100 && !pane.contains(text); i++) {
            Thread.sleep(100);
            pane = run(List.of("tmux", "-L", socket, "capture-pane", "-p", "-t", "0"), 10).out;
        }
        return pane;
    }

    private static String q(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private record Result(int code, String out) {}

    private static Result run(List<String> cmd, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("LITECTL_JAR", SmokeIT.jar());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", prefix.resolve("bin") + File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
