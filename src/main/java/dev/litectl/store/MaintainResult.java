package dev.litectl.store;

import java.util.ArrayList;
import java.util.List;

/** The steps {@code maintain} ran, in order; {@link #ok()} is false when any failed. {@code cutoff} is the retention boundary used. */
public record MaintainResult(String cutoff, List<MaintainStep> steps) {
    public MaintainResult {
        steps = List.copyOf(steps);
    }

    public boolean ok() {
        return steps.stream().allMatch(MaintainStep::ok);
    }

    /** This result with {@code step} appended (for steps run by another engine, such as a backup). */
    public MaintainResult with(MaintainStep step) {
        List<MaintainStep> all = new ArrayList<>(steps);
        all.add(step);
        return new MaintainResult(cutoff, all);
    }
}
