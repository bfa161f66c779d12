package dev.litectl.store;

/** Options of {@link Maintainer#run}: keep telemetry and audit rows younger than {@code retainDays}; older rows move to the archive tables, or are deleted when {@code delete}. */
public record MaintainOptions(int retainDays, boolean delete) {
    public static final int DEFAULT_RETAIN_DAYS = 30;

    public MaintainOptions {
        if (retainDays < 0) {
            throw new IllegalArgumentException("retainDays must be 0 or more, not " + retainDays);
        }
    }
}
