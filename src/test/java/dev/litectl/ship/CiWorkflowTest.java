package dev.litectl.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** .github/workflows/ci.yml parses, tests on JDK 17 and 25, and has a native job that smoke-tests the binary. */
class CiWorkflowTest {
    private static final Path WORKFLOW = Path.of(".github/workflows/ci.yml");

    private static JsonNode workflow() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
    }

    private static List<String> runs(JsonNode job) {
        List<String> out = new ArrayList<>();
        job.path("steps").forEach(s -> out.add(s.path("run").asText("")));
        return out;
    }

    private static List<String> uses(JsonNode job) {
        List<String> out = new ArrayList<>();
        job.path("steps").forEach(s -> out.add(s.path("uses").asText("")));
        return out;
    }

    @Test
    void workflowRunsOnEveryPush() throws IOException {
        JsonNode on = workflow().path("on");
        assertTrue(on.has("push"), "triggered by push: " + on);
    }

    @Test
    void testJobBuildsAndVerifiesOnJdk17And25() throws IOException {
        JsonNode test = workflow().path("jobs").path("test");
        List<String> versions = new ArrayList<>();
        test.path("strategy").path("matrix").path("java").forEach(v -> versions.add(v.asText()));
        assertEquals(List.of("17", "25"), versions);
        assertTrue(runs(test).stream().anyMatch(r -> r.contains("mvn") && r.contains("verify")), runs(test).toString());
        assertTrue(uses(test).stream().anyMatch(u -> u.startsWith("actions/setup-java@")));
    }

    @Test
    void nativeJobBuildsTheImageWithGraalvmAndRunsTheSmokeScriptOnIt() throws IOException {
        JsonNode jobs = workflow().path("jobs");
        assertTrue(jobs.has("native"), "jobs: " + jobs.fieldNames());
        JsonNode nat = jobs.path("native");
        assertTrue(uses(nat).stream().anyMatch(u -> u.startsWith("graalvm/setup-graalvm@")), uses(nat).toString());
        List<String> runs = runs(nat);
        int build = indexOf(runs, "-Pnative");
        int smoke = indexOf(runs, "scripts/smoke.sh target/litectl");
        assertTrue(build >= 0 && smoke > build, "builds, then smoke-tests the binary: " + runs);
        assertTrue(Files.isExecutable(Path.of("scripts/smoke.sh")), "the smoke script is executable");
    }

    @Test
    void everyStepEitherRunsAScriptOrUsesAnAction() throws IOException {
        workflow().path("jobs").forEach(job -> {
            assertFalse(job.path("runs-on").asText().isEmpty(), job.toString());
            job.path("steps").forEach(s -> assertTrue(s.has("run") ^ s.has("uses"), "step " + s));
        });
    }

    private static int indexOf(List<String> runs, String text) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
