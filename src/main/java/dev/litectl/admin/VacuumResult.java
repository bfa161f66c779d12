package dev.litectl.admin;

import java.nio.file.Path;

/**
 * A finished vacuum: its mode ({@code full}, {@code into}, {@code incremental}), the database's space before,
 * and after (for {@code into}, of the new file), whether ANALYZE ran, and how long it took.
 */
public record VacuumResult(Path database, String mode, Path into, SpaceStats before, SpaceStats after, boolean analyzed,
                           long durationMs) {}
