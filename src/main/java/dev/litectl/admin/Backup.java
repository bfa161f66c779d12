package dev.litectl.admin;

import dev.litectl.db.Database;
import dev.litectl.db.DatabaseFile;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Backs up a live database: a consistent snapshot taken while other processes read and write, written to a
 * temporary file beside the target, synced, optionally verified, given the source's permissions (never wider),
 * and renamed into place, so the target path never holds a partial file and an old backup survives a killed run.
 * A folder target gets {@code NAME-YYYYMMDDTHHMMSSZ.db}, and {@code keep} rotation runs only after the new backup
 * is complete. Failures throw {@link LitectlException} ({@link dev.litectl.db.DatabaseBusyException} when the
 * database stayed locked) and leave no temporary file; the source is never written.
 */
public final class Backup {
    private Backup() {}

    /** Backs up {@code database} as {@code options} say; see the class contract. */
    public static BackupResult run(Path database, BackupOptions options) {
        long start = System.nanoTime();
        Path source = database.toAbsolutePath().normalize();
        DatabaseFile.checkOpenable(source, OpenMode.READ_ONLY);
        BackupTarget target = BackupTarget.resolve(source, options, Instant.now());
        Path tmp = AtomicFiles.tempBeside(target.path);
        String what = "backup " + source + " to " + target.path;
        boolean published = false;
        try {
            AtomicFiles.createPrivate(tmp);
            CopyOutcome copy = copy(source, tmp, options);
            Map<String, Long> counts = null;
            if (options.verify()) {
                counts = CopyVerifier.verify(tmp, copy.sourceCounts(), what);
            }
            AtomicFiles.copyPermissions(source, tmp);
            AtomicFiles.publish(tmp, target.path, options.force());
            published = true;
            List<Path> deleted = target.inFolder && options.keep() != null ? target.rotate(options.keep()) : List.of();
            AtomicFiles.removeLeftovers(target.folder);
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new BackupResult(source, target.path, copy.bytes(), copy.sha256(), ms, copy.method(),
                    options.verify(), options.verify() && copy.sourceCounts() != null, counts, deleted);
        } catch (SQLException e) {
            throw SqliteErrors.translate(what, e);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new LitectlException(what + ": file exists (use --force to replace it)", e);
        } catch (IOException e) {
            throw AtomicFiles.failure(what, published ? target.folder : tmp, e);
        } finally {
            if (!published) {
                AtomicFiles.deleteWithSidecars(tmp);
            }
        }
    }

    private static CopyOutcome copy(Path source, Path tmp, BackupOptions options) throws SQLException, IOException {
        boolean counts = options.verify();
        switch (options.method()) {
            case VACUUM_INTO:
                return ApiCopy.vacuumInto(source, tmp, options, counts);
            case SNAPSHOT_COPY:
                if (java.nio.file.Files.isWritable(source)) {
                    CopyOutcome fast = SnapshotCopy.copy(source, tmp, options, counts);
                    if (fast != null) {
                        return fast;
                    }
                    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                        ch.truncate(0);
                    }
                }
                return ApiCopy.onlineBackup(source, tmp, options, counts);
            default:
                return ApiCopy.onlineBackup(source, tmp, options, counts);
        }
    }
}
