package dev.litectl.recover;

/**
 * What was recovered of one table: rows written, b-tree pages read, pages that could not be read (missing,
 * out of range or not a b-tree page), rows the new table refused (a constraint or a duplicate key), pages
 * reached twice (a cycle) and overflow chains that looped.
 */
public record TableReport(String name, long rows, long pagesRead, long pagesUnreadable, long rowsRejected,
        long cycles, long overflowLoops) {}
