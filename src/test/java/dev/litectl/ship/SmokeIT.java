package dev.litectl.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/smoke.sh, the script CI's native job runs on the binary, passes against the shaded jar. */
class SmokeIT {
    @TempDir
    Path dir;

    static String jar() {
        String jar = System.getProperty("litectl.jar");
        assertTrue(jar != null && new File(jar).isFile(), "failsafe names the shaded jar: " + jar);
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private String[] smoke(String... litectl) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "scripts/smoke.sh"));
        cmd.addAll(List.of(litectl));
        Path log = dir.resolve("smoke.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "smoke.sh finished");
        return new String[] {String.valueOf(p.exitValue()), Files.readString(log, StandardCharsets.UTF_8)};
    }

    @Test
    void smokeScriptPassesAgainstTheJar() throws Exception {
        String[] r = smoke(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar());
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].matches("(?s).*\\nsmoke: \\d+ passed, 0 failed\\n"), r[1]);
        assertTrue(!r[1].contains("FAIL"), r[1]);
    }

    @Test
    void smokeScriptFailsWhenLitectlFails() throws Exception {
        String[] r = smoke("false");
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("FAIL  litectl --version"), r[1]);
        assertTrue(r[1].matches("(?s).*\\nsmoke: \\d+ passed, [1-9]\\d* failed\\n"), r[1]);
    }
}
