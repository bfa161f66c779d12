package dev.litectl.admin;

/** Told how far a copy has got; called from the copying thread, so it must be quick. */
@FunctionalInterface
public interface BackupProgress {
    /** No progress reports. */
    BackupProgress NONE = (done, total) -> { };

    void copied(long bytesDone, long bytesTotal);
}
