package dev.litectl.admin;

import java.nio.file.Path;

/**
 * What {@link Vacuum#run} does: a full {@code VACUUM} (default), {@code VACUUM INTO into} (a new file; the
 * database is not changed), or an incremental vacuum; and {@code ANALYZE} plus {@code PRAGMA optimize} after.
 */
public record VacuumOptions(Path into, boolean incremental, boolean analyze, int busyTimeoutMs) {
    public VacuumOptions {
        if (into != null && incremental) {
            throw new IllegalArgumentException("into and incremental exclude each other");
        }
    }
}
