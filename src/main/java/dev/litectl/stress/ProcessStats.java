package dev.litectl.stress;

/** One process's share of a run: its index (0 is the one that started the others), operations and acknowledged writes. */
public record ProcessStats(int index, long writes, long reads, long failed, long acknowledged) {}
