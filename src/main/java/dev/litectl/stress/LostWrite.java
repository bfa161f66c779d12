package dev.litectl.stress;

/** An acknowledged write that verification did not find: the table, the row's key, and what was wrong. */
public record LostWrite(String table, String key, String problem) {}
