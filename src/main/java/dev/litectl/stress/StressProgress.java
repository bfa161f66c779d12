package dev.litectl.stress;

/** Called about twice a second during a run with this process's totals so far (for a live progress line). */
@FunctionalInterface
public interface StressProgress {
    StressProgress NONE = (elapsed, total, writes, reads, busy) -> { };

    void update(double elapsedSeconds, double totalSeconds, long writes, long reads, long busyEvents);
}
