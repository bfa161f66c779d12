package dev.litectl.stress;

import java.util.List;

/**
 * The profile: the generated data (rows per table and how long generating them took, in one transaction) and
 * every check against its target.
 */
public record ProfileResult(double scale, long sessions, long messages, long telemetry, double generateSeconds,
                            List<ProfileCheck> checks) {
    public boolean allMet() {
        return checks.stream().allMatch(ProfileCheck::met);
    }
}
