package dev.litectl.admin;

/**
 * A table or index in {@code info}: its name, type ({@code table} or {@code index}), the table an index belongs
 * to, its rows (index entries for an index), and its bytes and pages on disk (null when dbstat is unavailable).
 */
public record InfoObject(String name, String type, String table, long rows, Long bytes, Long pages) {}
