package dev.litectl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.litectl.db.LitectlException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryStoreTest extends StoreTest {
    TelemetryStore telemetry;

    @BeforeEach
    void telemetry() {
        telemetry = store.telemetry();
    }

    private void insertAt(String ts, String type, double ms, int tokens) {
        pool.write(h -> h.update("INSERT INTO telemetry (timestamp, event_type, response_time_ms, tokens_used) VALUES (?, ?, ?, ?)",
                ts, type, ms, tokens));
    }

    @Test
    void recordReturnsIncreasingIdsAndRangeReadsThemBack() {
        long a = telemetry.record(NewTelemetryEvent.of("llm_call", 120.5, 300, true).withSession("s1").withQuery("hello"));
        long b = telemetry.record(new NewTelemetryEvent("cache_miss", null, null, null, null, null, null));
        assertEquals(a + 1, b);
        List<TelemetryEvent> all = telemetry.range(null, null, null, 10);
        assertEquals(2, all.size());
        TelemetryEvent first = all.get(0);
        assertEquals("llm_call", first.eventType());
        assertEquals(120.5, first.responseTimeMs());
        assertEquals(300, first.tokensUsed());
        assertEquals(Boolean.TRUE, first.success());
        assertEquals("s1", first.sessionId());
        assertNull(all.get(1).responseTimeMs());
    }

    @Test
    void rangeSelectsByTimeAndTypeWithHalfOpenBounds() {
        insertAt("2026-01-01 00:00:00.000", "a", 1, 1);
        insertAt("2026-01-02 00:00:00.000", "a", 2, 1);
        insertAt("2026-01-02 12:00:00.000", "b", 3, 1);
        insertAt("2026-01-03 00:00:00.000", "a", 4, 1);
        Instant from = Instant.parse("2026-01-02T00:00:00Z");
        Instant to = Instant.parse("2026-01-03T00:00:00Z");
        assertEquals(List.of(2.0, 3.0), times(telemetry.range(from, to, null, 100)));
        assertEquals(List.of(2.0), times(telemetry.range(from, to, "a", 100)));
        assertEquals(List.of(1.0, 2.0, 4.0), times(telemetry.range(null, null, "a", 100)));
        assertEquals(List.of(1.0), times(telemetry.range(null, null, null, 1)));
    }

    @Test
    void statsGiveCountAverageP95AndTokensPerEventType() {
        for (int i = 1; i <= 100; i++) {
            insertAt("2026-01-01 00:00:00.000", "llm", i, 10);
        }
        insertAt("2026-01-01 00:00:00.000", "tool", 7, 5);
        pool.write(h -> h.update("INSERT INTO telemetry (timestamp, event_type) VALUES ('2026-01-01 00:00:00.000', 'tool')"));
        insertAt("2025-01-01 00:00:00.000", "llm", 100000, 99);
        List<EventTypeStats> stats = telemetry.stats(Instant.parse("2026-01-01T00:00:00Z"), null);
        assertEquals(List.of(new EventTypeStats("llm", 100, 50.5, 95.0, 1000), new EventTypeStats("tool", 2, 7.0, 7.0, 5)), stats);
    }

    @Test
    void invalidMetadataAndNegativeTimesAreRefused() {
        assertThrows(LitectlException.class, () -> telemetry.record(NewTelemetryEvent.of("x", 1, 1, true).withMetadata("{")));
        assertThrows(LitectlException.class, () -> telemetry.record(NewTelemetryEvent.of("x", -1, 1, true)));
        assertEquals(List.of(), telemetry.range(null, null, null, 10));
    }

    private static List<Double> times(List<TelemetryEvent> events) {
        return events.stream().map(TelemetryEvent::responseTimeMs).toList();
    }
}
