package dev.litectl.admin;

import dev.litectl.db.Database;
import dev.litectl.db.DatabaseFile;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Reclaims space: {@code VACUUM} (needs the write lock; readers may go on), {@code VACUUM INTO} a new file
 * (written beside it under a temporary name and renamed; an existing file is refused), or
 * {@code PRAGMA incremental_vacuum} when {@code auto_vacuum=INCREMENTAL}. A database that stays locked past the
 * busy timeout throws {@link dev.litectl.db.DatabaseBusyException}; other failures {@link LitectlException}.
 */
public final class Vacuum {
    private static final int AUTO_VACUUM_INCREMENTAL = 2;

    private Vacuum() {}

    /** Vacuums {@code database} as {@code options} say; see the class contract. */
    public static VacuumResult run(Path database, VacuumOptions options) {
        long start = System.nanoTime();
        Path db = database.toAbsolutePath().normalize();
        String what = "vacuum " + db;
        Path into = options.into() == null ? null : options.into().toAbsolutePath().normalize();
        if (into != null) {
            what = "vacuum " + db + " into " + into;
            checkInto(db, into, what);
        }
        try (Database conn = Database.open(db, into != null && !Files.isWritable(db) ? OpenMode.READ_ONLY : OpenMode.READ_WRITE,
                options.busyTimeoutMs())) {
            SpaceStats before = stats(conn, db);
            SpaceStats after;
            String mode;
            if (into != null) {
                mode = "into";
                after = vacuumInto(conn, db, into, what);
            } else {
                if (options.incremental()) {
                    mode = "incremental";
                    long auto = conn.queryLong("PRAGMA auto_vacuum");
                    if (auto != AUTO_VACUUM_INCREMENTAL) {
                        throw new LitectlException(what + ": --incremental needs auto_vacuum=INCREMENTAL, and this database has "
                                + (auto == 0 ? "NONE" : "FULL") + " (run PRAGMA auto_vacuum=INCREMENTAL, then one full vacuum)");
                    }
                    incrementalVacuum(conn);
                } else {
                    mode = "full";
                    conn.execute("VACUUM");
                }
                if (options.analyze()) {
                    conn.execute("ANALYZE");
                    conn.execute("PRAGMA optimize");
                }
                checkpoint(conn);
                after = stats(conn, db);
            }
            return new VacuumResult(db, mode, into, before, after, options.analyze() && into == null,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw SqliteErrors.translate(what, e);
        }
    }

    /**
     * The pragma frees one page per result row, and sqlite-jdbc steps a row-less statement once per execute,
     * so it is repeated, in one write transaction, until the freelist is empty.
     */
    private static void incrementalVacuum(Database conn) throws SQLException {
        conn.writeTransaction(d -> {
            long free = d.queryLong("PRAGMA freelist_count");
            for (long i = 0; i <= free && d.queryLong("PRAGMA freelist_count") > 0; i++) {
                d.execute("PRAGMA incremental_vacuum");
            }
            return null;
        });
    }

    private static void checkInto(Path db, Path into, String what) {
        if (Files.exists(into)) {
            throw new LitectlException(what + ": file exists (vacuum never overwrites; choose a new name)");
        }
        Path parent = into.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new LitectlException(what + ": folder " + parent + " does not exist");
        }
        BackupTarget.checkWritableFolder(parent);
        DatabaseFile.checkOpenable(db, OpenMode.READ_ONLY);
    }

    private static SpaceStats vacuumInto(Database conn, Path db, Path into, String what) throws SQLException {
        Path tmp = AtomicFiles.tempBeside(into);
        boolean published = false;
        try {
            AtomicFiles.createPrivate(tmp);
            try (PreparedStatement ps = conn.connection().prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toString());
                ps.execute();
            }
            AtomicFiles.fsync(tmp);
            AtomicFiles.copyPermissions(db, tmp);
            SpaceStats s;
            try (Database copy = Database.open(tmp, OpenMode.READ_ONLY, 0)) {
                s = stats(copy, tmp);
            }
            AtomicFiles.publish(tmp, into, false);
            published = true;
            return new SpaceStats(s.fileBytes(), 0, s.pageSize(), s.pageCount(), s.freePages());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new LitectlException(what + ": file exists (vacuum never overwrites; choose a new name)", e);
        } catch (IOException e) {
            throw AtomicFiles.failure(what, into, e);
        } finally {
            if (!published) {
                AtomicFiles.deleteWithSidecars(tmp);
            }
        }
    }

    /** Folds the WAL back so the file size shows the space vacuum freed; a busy checkpoint is left for later. */
    private static void checkpoint(Database conn) throws SQLException {
        if ("wal".equalsIgnoreCase(conn.queryString("PRAGMA journal_mode"))) {
            conn.queryLong("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    static SpaceStats stats(Database conn, Path file) throws SQLException {
        return new SpaceStats(size(file), size(SnapshotCopy.sidecar(file, "-wal")), conn.queryLong("PRAGMA page_size"),
                conn.queryLong("PRAGMA page_count"), conn.queryLong("PRAGMA freelist_count"));
    }

    static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
