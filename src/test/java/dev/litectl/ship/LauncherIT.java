package dev.litectl.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./litectl launcher's fast start: a class-data-sharing archive (AppCDS on JDK 17, the AOT cache on JDK 25)
 * made on the first run and really mapped on the next ones, sqlite-jdbc's library loaded from the cache instead
 * of extracted to the temp folder, nothing but results on stdout and no JVM warning on stderr, and JLine and
 * Jackson not loaded by commands that do not need them.
 */
class LauncherIT {
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path dir;

    private Path jar;
    private Path db;

    @BeforeEach
    void copyJar() throws IOException {
        jar = dir.resolve("litectl.jar");
        Files.copy(Path.of(SmokeIT.jar()), jar);
        db = dir.resolve("app.db");
    }

    private record Result(int code, String out, String err) {}

    private Result launcher(Path javaHome, String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("./litectl"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("LITECTL_JAR", jar.toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("JAVA_HOME", javaHome.toString());
        env.put("LITECTL_JAVA_OPTS", javaOpts);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher finished");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path cacheEntry() throws IOException {
        try (Stream<Path> entries = Files.list(dir.resolve("cache/litectl"))) {
            return entries.findFirst().orElseThrow();
        }
    }

    private void firstRunMakesAnArchiveThatLaterRunsMap(Path javaHome, String archive, String requireArchive) throws Exception {
        Result first = launcher(javaHome, "", "--db", db.toString(), "init");
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("verified"), "the user's command ran after the training run: " + first);
        Path entry = cacheEntry();
        assertTrue(Files.isRegularFile(entry.resolve(archive)), "archive " + archive + " in " + entry);
        assertTrue(Files.isRegularFile(entry.resolve("native/libsqlitejdbc.so")), "native library cached");

        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Result r = launcher(javaHome, requireArchive + " -Djava.io.tmpdir=" + tmp, "--db", db.toString(), "migration-status");
        assertEquals(0, r.code(), "the JVM maps the archive (" + requireArchive + "): " + r);
        assertTrue(r.out().contains("8 applied"), r.out());
        assertEquals("", r.err(), "no warning on stderr");
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList(), "sqlite-jdbc extracted nothing to the temp folder");
        }
    }

    @Test
    void onJdk17TheFirstRunMakesAnAppCdsArchiveThatLaterRunsMap() throws Exception {
        assumeTrue(Runtime.version().feature() < 25, "the test JVM is JDK 17-24");
        firstRunMakesAnArchiveThatLaterRunsMap(Path.of(System.getProperty("java.home")), "litectl.jsa", "-Xshare:on");
    }

    @Test
    void onJdk25TheFirstRunMakesAnAotCacheThatLaterRunsMap() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "JDK 25 at " + JDK25);
        firstRunMakesAnArchiveThatLaterRunsMap(JDK25, "litectl.aot", "-XX:AOTMode=on");
    }

    @Test
    void jdk25RunsThePlainJarWithoutAnyWarning() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "JDK 25 at " + JDK25);
        for (String command : List.of("init", "migration-status")) {
            Process p = new ProcessBuilder(JDK25.resolve("bin/java").toString(), "-jar", jar.toString(), "--db", db.toString(),
                    command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), err);
            assertEquals("", err, command + ": no native-access or other warning on JDK 25");
        }
    }

    @Test
    void withTheCacheOffTheLauncherRunsThePlainJvmAndWritesNothing() throws Exception {
        Path java = Path.of(System.getProperty("java.home"));
        Result r = launcher(java, "", "--version");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(dir.resolve("cache/litectl")));
        Path other = dir.resolve("cache-off");
        ProcessBuilder pb = new ProcessBuilder("./litectl", "--version").redirectErrorStream(true);
        pb.environment().putAll(Map.of("LITECTL_JAR", jar.toString(), "XDG_CACHE_HOME", other.toString(),
                "JAVA_HOME", java.toString(), "LITECTL_CACHE", "off"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("litectl "), out);
        assertFalse(Files.exists(other), "no cache written");
    }

    @Test
    void aRebuiltJarGetsAFreshCache() throws Exception {
        Path java = Path.of(System.getProperty("java.home"));
        assertEquals(0, launcher(java, "", "--version").code());
        Path stamp = cacheEntry().resolve("stamp");
        FileTime before = Files.getLastModifiedTime(stamp);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(before.toMillis() + 5_000));
        Result r = launcher(java, "-Xshare:on", "--version");
        assertEquals(0, r.code(), "the new archive maps: " + r);
        assertNotEquals(before, Files.getLastModifiedTime(stamp), "cache made anew");
    }

    @Test
    void commandsThatNeedNeitherLoadNoJlineOrJackson() throws Exception {
        Path java = Path.of(System.getProperty("java.home"));
        assertEquals(0, launcher(java, "", "--db", db.toString(), "init").code());
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"--db", db.toString(), "migration-status"})) {
            Path log = dir.resolve("classes.log");
            Result r = launcher(java, "-Xlog:class+load:file=" + log, args);
            assertEquals(0, r.code(), r.toString());
            String loaded = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(loaded.contains("dev.litectl.cli.Main"), "the log lists litectl's classes");
            assertFalse(loaded.contains("org.jline."), String.join(" ", args) + " loads JLine");
            assertFalse(loaded.contains("com.fasterxml.jackson."), String.join(" ", args) + " loads Jackson");
        }
        Path log = dir.resolve("json.log");
        assertEquals(0, launcher(java, "-Xlog:class+load:file=" + log, "--db", db.toString(), "migration-status",
                "--format", "json").code());
        assertTrue(Files.readString(log).contains("com.fasterxml.jackson.databind.ObjectMapper"), "json loads Jackson");
    }
}
