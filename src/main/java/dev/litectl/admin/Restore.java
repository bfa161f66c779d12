package dev.litectl.admin;

import dev.litectl.db.Database;
import dev.litectl.db.DatabaseBusyException;
import dev.litectl.db.DatabaseFile;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces a database by a backup: copies the backup beside the database and verifies the copy
 * ({@code integrity_check}) first, refuses while another process holds the database (an exclusive lock not
 * granted within the busy timeout: {@link DatabaseBusyException}), moves the database and its {@code -wal} and
 * {@code -shm} aside as {@code NAME.before-restore-TIMESTAMP}, and renames the verified copy into place. Any
 * failure before the swap leaves the database as it was; a failure during it moves the old files back.
 */
public final class Restore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String[] SIDECARS = {"-wal", "-shm"};

    private Restore() {}

    /** Restores {@code database} from {@code backup}; see the class contract. */
    public static RestoreResult run(Path database, Path backup, int busyTimeoutMs) {
        long start = System.nanoTime();
        Path db = database.toAbsolutePath().normalize();
        Path from = backup.toAbsolutePath().normalize();
        String what = "restore " + db + " from " + from;
        checkBackupFile(from, what);
        Path parent = db.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new LitectlException(what + ": folder " + parent + " does not exist");
        }
        boolean exists = Files.exists(db);
        if (exists) {
            DatabaseFile.checkOpenable(db, OpenMode.READ_WRITE);
        }
        Path tmp = AtomicFiles.tempBeside(db);
        List<Path[]> moved = new ArrayList<>();
        boolean done = false;
        try {
            AtomicFiles.createPrivate(tmp);
            try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                long size = in.size();
                for (long pos = 0; pos < size; ) {
                    pos += in.transferTo(pos, size - pos, out);
                }
                out.force(true);
            }
            CopyVerifier.verify(tmp, null, what + ": the backup");
            String sha = HashingWriter.sha256(tmp);
            long bytes = Files.size(tmp);
            AtomicFiles.copyPermissions(exists ? db : from, tmp);
            Path aside = null;
            if (exists) {
                ensureNotInUse(db, busyTimeoutMs, what);
                aside = db.resolveSibling(db.getFileName() + ".before-restore-" + STAMP.format(Instant.now()));
                moveAside(db, aside, moved);
            }
            AtomicFiles.publish(tmp, db, false);
            done = true;
            List<Path> asideList = moved.stream().map(m -> m[1]).toList();
            return new RestoreResult(db, from, bytes, sha, aside, asideList, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw AtomicFiles.failure(what, db, e);
        } finally {
            if (!done) {
                AtomicFiles.deleteWithSidecars(tmp);
                moveBack(moved);
            }
        }
    }

    private static void checkBackupFile(Path from, String what) {
        if (!Files.exists(from)) {
            throw new LitectlException(what + ": no such backup file");
        }
        if (!Files.isRegularFile(from)) {
            throw new LitectlException(what + ": the backup is not a regular file");
        }
        try {
            if (Files.size(from) == 0 || !DatabaseFile.hasSqliteHeader(from)) {
                throw new LitectlException(what + ": the backup is not a SQLite database");
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(what, from, e);
        }
    }

    /** Takes, and at once releases, an exclusive lock: a database another process holds open cannot be swapped. */
    private static void ensureNotInUse(Path db, int busyTimeoutMs, String what) {
        try (Database live = Database.open(db, OpenMode.READ_WRITE, busyTimeoutMs)) {
            // in WAL mode every open connection keeps a shared lock on the file, so this also sees idle ones
            live.execute("PRAGMA locking_mode = EXCLUSIVE");
            live.execute("BEGIN EXCLUSIVE");
            try {
                live.queryLong("SELECT count(*) FROM sqlite_schema");
            } finally {
                live.rollbackQuietly();
            }
        } catch (SQLException e) {
            if (SqliteErrors.isBusy(e)) {
                throw new DatabaseBusyException(what + ": the database is in use by another process "
                        + "(no exclusive lock within the busy timeout); stop it and retry", e);
            }
            throw SqliteErrors.translate(what, e);
        }
    }

    private static void moveAside(Path db, Path aside, List<Path[]> moved) throws IOException {
        Files.move(db, aside, StandardCopyOption.ATOMIC_MOVE);
        moved.add(new Path[] {db, aside});
        for (String s : SIDECARS) {
            Path side = db.resolveSibling(db.getFileName() + s);
            if (Files.exists(side)) {
                Path to = aside.resolveSibling(aside.getFileName() + s);
                Files.move(side, to, StandardCopyOption.ATOMIC_MOVE);
                moved.add(new Path[] {side, to});
            }
        }
        AtomicFiles.fsyncFolder(db.getParent());
    }

    private static void moveBack(List<Path[]> moved) {
        for (Path[] m : moved) {
            try {
                Files.move(m[1], m[0], StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // the file stays under its aside name, which the error message of the caller names
            }
        }
    }
}
