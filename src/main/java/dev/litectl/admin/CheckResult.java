package dev.litectl.admin;

import java.nio.file.Path;
import java.util.List;

/** What {@link Check#run} found in the database file: integrity ({@code quick}: quick_check) and foreign keys. */
public record CheckResult(Path database, boolean quick, List<CheckFinding> findings, long durationMs) {}
