package dev.litectl.migrate;

import java.nio.file.Path;
import java.util.List;

/** What migrate did: the version before and after, the steps applied (or tried, in a dry run), the backup taken. */
public record MigrateResult(long fromVersion, long toVersion, List<AppliedStep> applied, boolean dryRun,
                            Path backup, List<String> warnings) {}
