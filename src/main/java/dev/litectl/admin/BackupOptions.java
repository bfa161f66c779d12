package dev.litectl.admin;

import java.nio.file.Path;

/**
 * What {@link Backup#run} should do: the target (a file, or an existing folder that gets a timestamped name),
 * whether an existing target file may be replaced, how many backups to keep in a folder target, whether to
 * verify the copy, and how to copy. Build with {@link #to(Path)} and the {@code withXxx} methods.
 *
 * @param keep for a folder target, how many of this database's backups to keep (null: keep all)
 */
public record BackupOptions(Path target, boolean force, Integer keep, boolean verify, BackupMethod method,
                            int busyTimeoutMs, BackupProgress progress) {

    public BackupOptions {
        if (target == null) {
            throw new IllegalArgumentException("a backup needs a target");
        }
        if (keep != null && keep < 1) {
            throw new IllegalArgumentException("keep must be 1 or more, not " + keep);
        }
        method = method == null ? BackupMethod.ONLINE_BACKUP : method;
        progress = progress == null ? BackupProgress.NONE : progress;
    }

    /** A backup to {@code target} with the defaults: no replace, keep all, no verify, online-backup API, 5 s busy timeout. */
    public static BackupOptions to(Path target) {
        return new BackupOptions(target, false, null, false, BackupMethod.ONLINE_BACKUP,
                dev.litectl.db.Database.DEFAULT_BUSY_TIMEOUT_MS, BackupProgress.NONE);
    }

    public BackupOptions withForce(boolean value) {
        return new BackupOptions(target, value, keep, verify, method, busyTimeoutMs, progress);
    }

    public BackupOptions withKeep(Integer value) {
        return new BackupOptions(target, force, value, verify, method, busyTimeoutMs, progress);
    }

    public BackupOptions withVerify(boolean value) {
        return new BackupOptions(target, force, keep, value, method, busyTimeoutMs, progress);
    }

    public BackupOptions withMethod(BackupMethod value) {
        return new BackupOptions(target, force, keep, verify, value, busyTimeoutMs, progress);
    }

    public BackupOptions withBusyTimeoutMs(int value) {
        return new BackupOptions(target, force, keep, verify, method, value, progress);
    }

    public BackupOptions withProgress(BackupProgress value) {
        return new BackupOptions(target, force, keep, verify, method, busyTimeoutMs, value);
    }
}
