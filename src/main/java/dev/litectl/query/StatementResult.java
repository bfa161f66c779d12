package dev.litectl.query;

/**
 * What one statement did: whether it returned rows (and how many were printed), how many rows it changed
 * ({@code sqlite3_changes}, 0 for a query), and how long it took.
 */
public record StatementResult(boolean returnedRows, long rows, long changes, long elapsedNanos) {
}
