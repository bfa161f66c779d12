package dev.litectl.migrate;

import java.util.List;

/** What rollback did: the version before and after, and the migrations undone (or tried, in a dry run). */
public record RollbackResult(long fromVersion, long toVersion, List<AppliedStep> rolledBack, boolean dryRun) {}
