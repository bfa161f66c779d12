package dev.litectl.admin;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished restore: the database now holds the backup {@code from}; the files it replaced were moved aside
 * ({@code keptAside} is the old database, null if there was none; {@code movedAside} lists every file moved).
 */
public record RestoreResult(Path database, Path from, long bytes, String sha256, Path keptAside, List<Path> movedAside,
                            long durationMs) {}
