package dev.litectl.admin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A finished backup: where it is, its size and SHA-256, how long it took and how it was copied; when verified,
 * every table's row count (as of the backup); the older backups that rotation deleted.
 *
 * @param rowCounts table name to row count, checked equal in source snapshot and copy; null when not verified
 * @param countsCompared false when verification could not compare counts (VACUUM INTO while others wrote)
 */
public record BackupResult(Path database, Path path, long bytes, String sha256, long durationMs, BackupMethod method,
                           boolean verified, boolean countsCompared, Map<String, Long> rowCounts, List<Path> deleted) {}
