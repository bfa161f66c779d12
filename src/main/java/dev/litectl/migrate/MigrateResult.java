package dev.litectl.migrate;

import java.util.List;

/** What migrate did: the version before and after, and the steps applied (or tried, in a dry run). */
public record MigrateResult(long fromVersion, long toVersion, List<AppliedStep> applied, boolean dryRun,
                            List<String> warnings) {}
