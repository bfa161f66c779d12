package dev.litectl.recover;

/** The rows of orphan pages, in table {@code table} (null when there were none): rows, pages they came from. */
public record LostAndFound(String table, long rows, long pages) {}
