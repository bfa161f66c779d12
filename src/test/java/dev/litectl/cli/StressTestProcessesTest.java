package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.litectl.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --processes 3}: this process and two litectl worker processes (the same java and classpath) on one file. */
class StressTestProcessesTest {
    @TempDir
    Path dir;

    @Test
    void threeProcessesMeetBusyLocksAndRetryThemWithoutAFailedOperationOrALostWrite() throws Exception {
        Cli.Result r = new Cli(dir).run("--format", "json", "stress-test", "--processes", "3", "--writers", "2", "--readers", "1",
                "--workload", "messages", "--duration", "2");
        assertEquals(0, r.code(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(3, root.get("processes").asInt());
        assertEquals("store", root.get("layer").asText(), "the default layer, handed to the worker processes with --layer");
        JsonNode busy = root.get("busy");
        assertTrue(busy.get("events").asLong() > 0, "busy events were met: " + busy);
        assertTrue(busy.get("retries").asLong() >= busy.get("events").asLong(), "every busy event was retried: " + busy);
        assertEquals(0, root.get("totals").get("failed").asLong(), r::toString);
        assertEquals(0, root.get("verification").get("lost_writes").asLong(), r::toString);
        assertEquals("ok", root.get("verification").get("integrity").asText());
        JsonNode perProcess = root.get("per_process");
        assertEquals(3, perProcess.size(), "this process and two workers");
        long acknowledged = 0;
        for (JsonNode p : perProcess) {
            assertTrue(p.get("writes").asLong() > 0, "every process wrote: " + perProcess);
            acknowledged += p.get("acknowledged_writes").asLong();
        }
        assertEquals(root.get("verification").get("acknowledged_writes").asLong(), acknowledged,
                "every process's acknowledged writes were read back");
    }
}
