package dev.litectl.admin;

import java.util.Map;

/** What a copy into the temporary file produced: its size and SHA-256, and the source's row counts as of the copy (or null). */
record CopyOutcome(long bytes, String sha256, BackupMethod method, Map<String, Long> sourceCounts) {}
