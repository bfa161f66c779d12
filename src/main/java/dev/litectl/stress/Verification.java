package dev.litectl.stress;

import java.util.List;

/**
 * What {@link StressTest#verify} found: {@code integrity} is {@code ok} or the first problems
 * {@code PRAGMA integrity_check} reported; {@code acknowledged} writes were read back, {@code lostCount} were
 * missing or older than acknowledged ({@code lost} lists the first 1000).
 */
public record Verification(String integrity, long acknowledged, long lostCount, List<LostWrite> lost) {
    public boolean integrityOk() {
        return "ok".equals(integrity);
    }

    /** True when the database is intact and every acknowledged write is there. */
    public boolean passed() {
        return integrityOk() && lostCount == 0;
    }
}
