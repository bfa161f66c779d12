package dev.litectl.migrate;

/** One line of migration-status: version, name, state, and when and how fast it was applied (null if not). */
public record MigrationStatus(long version, String name, MigrationState state, String appliedAt, Long durationMs,
                              String source, boolean hasDown) {}
