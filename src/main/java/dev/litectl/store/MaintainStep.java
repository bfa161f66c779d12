package dev.litectl.store;

import java.util.Map;

/**
 * What one step of {@code maintain} did: its name, whether it succeeded, the numbers it reports
 * ({@code details}, in a stable order), a one-line summary, how long it took, and the error when it failed.
 */
public record MaintainStep(String name, boolean ok, String summary, Map<String, Object> details, long durationMs, String error) {
    public static MaintainStep succeeded(String name, String summary, Map<String, Object> details, long durationMs) {
        return new MaintainStep(name, true, summary, details, durationMs, null);
    }

    public static MaintainStep failed(String name, String error, long durationMs) {
        return new MaintainStep(name, false, "failed: " + error, Map.of(), durationMs, error);
    }
}
