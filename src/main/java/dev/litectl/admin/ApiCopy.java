package dev.litectl.admin;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** The copies SQLite makes itself: the online-backup API in one step, and {@code VACUUM INTO}. */
final class ApiCopy {
    private ApiCopy() {}

    /** One-step online backup inside a read transaction, so the row counts are of the same snapshot. */
    static CopyOutcome onlineBackup(Path source, Path tmp, BackupOptions options, boolean countRows) throws SQLException, IOException {
        OpenMode mode = Files.isWritable(source) ? OpenMode.READ_WRITE : OpenMode.READ_ONLY;
        try (Database reader = Database.open(source, mode, options.busyTimeoutMs())) {
            reader.execute("BEGIN");
            try {
                reader.queryLong("SELECT count(*) FROM sqlite_schema");
                reader.backupTo(tmp);
                Map<String, Long> counts = countRows ? TableCounts.count(reader) : null;
                return finish(tmp, BackupMethod.ONLINE_BACKUP, counts, options);
            } finally {
                reader.rollbackQuietly();
            }
        }
    }

    /**
     * {@code VACUUM INTO} on a connection in auto-commit mode with no statement open (sqlite-jdbc refuses it
     * otherwise). Row counts are taken before, and kept only if {@code data_version} shows nobody wrote meanwhile.
     */
    static CopyOutcome vacuumInto(Path source, Path tmp, BackupOptions options, boolean countRows) throws SQLException, IOException {
        OpenMode mode = Files.isWritable(source) ? OpenMode.READ_WRITE : OpenMode.READ_ONLY;
        try (Database db = Database.open(source, mode, options.busyTimeoutMs())) {
            Map<String, Long> counts = null;
            long before = 0;
            if (countRows) {
                db.execute("BEGIN");
                try {
                    counts = TableCounts.count(db);
                    before = db.queryLong("PRAGMA data_version");
                } finally {
                    db.rollbackQuietly();
                }
            }
            // the temporary file exists and is empty, which VACUUM INTO accepts; it keeps its private permissions
            try (PreparedStatement ps = db.connection().prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toAbsolutePath().toString());
                ps.execute();
            }
            if (countRows && db.queryLong("PRAGMA data_version") != before) {
                counts = null;
            }
            return finish(tmp, BackupMethod.VACUUM_INTO, counts, options);
        }
    }

    /** Syncs the finished copy and reads it back for its SHA-256, side by side: the disk and a core work at once. */
    private static CopyOutcome finish(Path tmp, BackupMethod method, Map<String, Long> counts, BackupOptions options) throws IOException {
        IOException[] syncFailure = new IOException[1];
        Thread sync = new Thread(() -> {
            try {
                AtomicFiles.fsync(tmp);
            } catch (IOException e) {
                syncFailure[0] = e;
            }
        }, "litectl-fsync");
        sync.start();
        String sha;
        try {
            sha = HashingWriter.sha256(tmp);
        } finally {
            try {
                sync.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("copy interrupted");
            }
        }
        if (syncFailure[0] != null) {
            throw syncFailure[0];
        }
        long bytes = Files.size(tmp);
        options.progress().copied(bytes, bytes);
        return new CopyOutcome(bytes, sha, method, counts);
    }
}
