package dev.litectl.migrate;

/** A migration that was applied or rolled back (or, in a dry run, would be), and how long it took. */
public record AppliedStep(long version, String name, long durationMs, String note) {}
