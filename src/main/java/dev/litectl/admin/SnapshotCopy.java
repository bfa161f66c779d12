package dev.litectl.admin;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link BackupMethod#SNAPSHOT_COPY}: pins a read transaction, then copies the database file and overlays the
 * newest committed WAL frame of each page up to the pinned snapshot. While the read transaction lasts, SQLite
 * neither restarts the WAL nor checkpoints frames past the snapshot into the file, so what is read is exactly
 * the snapshot; pages a checkpoint rewrites meanwhile are all pages the overlay replaces. The snapshot is pinned
 * while a second connection holds the write lock for a moment, so the wal-index header read from {@code -shm}
 * is the snapshot's. Returns null when the files are not in a shape this code knows (the caller falls back).
 */
final class SnapshotCopy {
    private SnapshotCopy() {}

    static CopyOutcome copy(Path source, Path tmp, BackupOptions options, boolean countRows) throws SQLException, IOException {
        // Java's descriptors close last, after SQLite's connections: closing a descriptor drops the process's locks
        // the hashing thread starts first, so its start-up overlaps opening the database
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE);
             HashingWriter writer = new HashingWriter(out);
             OpenFiles files = new OpenFiles();
             Database reader = Database.open(source, OpenMode.READ_WRITE, options.busyTimeoutMs());
             Database lock = Database.open(source, OpenMode.READ_WRITE, options.busyTimeoutMs())) {
            boolean wal = "wal".equalsIgnoreCase(reader.queryString("PRAGMA journal_mode"));
            int pageSize = (int) reader.queryLong("PRAGMA page_size");
            TreeMap<Long, Long> overlay = new TreeMap<>();
            FileChannel walFile = null;
            long pageCount;
            if (wal) {
                WalSnapshot snap;
                try {
                    lock.execute("BEGIN IMMEDIATE");
                } catch (SQLException e) {
                    throw SqliteErrors.translate("backup " + source, e);
                }
                try {
                    pinSnapshot(reader);
                    pageCount = reader.queryLong("PRAGMA page_count");
                    Path shm = sidecar(source, "-shm");
                    snap = Files.exists(shm) ? WalSnapshot.readIndex(files.open(shm)) : null;
                } finally {
                    lock.rollbackQuietly();
                }
                if (snap == null) {
                    reader.rollbackQuietly();
                    return null;
                }
                if (!snap.fullyBackfilled()) {
                    walFile = files.open(sidecar(source, "-wal"));
                    overlay = snap.frames(walFile, pageSize, pageCount);
                    if (overlay == null) {
                        reader.rollbackQuietly();
                        return null;
                    }
                }
            } else {
                pinSnapshot(reader);
                pageCount = reader.queryLong("PRAGMA page_count");
            }
            try {
                FileChannel db = files.open(source);
                String sha = copyPages(db, walFile, overlay, pageSize, pageCount, writer, options.progress());
                if (sha == null) {
                    return null;
                }
                Map<String, Long> counts = countRows ? TableCounts.count(reader) : null;
                return new CopyOutcome(pageCount * pageSize, sha, BackupMethod.SNAPSHOT_COPY, counts);
            } finally {
                reader.rollbackQuietly();
            }
        }
    }

    private static void pinSnapshot(Database reader) throws SQLException {
        reader.execute("BEGIN");
        reader.queryLong("SELECT count(*) FROM sqlite_schema");
    }

    static Path sidecar(Path db, String suffix) {
        return db.resolveSibling(db.getFileName() + suffix);
    }

    /** Copies {@code pageCount} pages with the overlay applied; null if a page is neither in the file nor in the WAL. */
    private static String copyPages(FileChannel db, FileChannel wal, TreeMap<Long, Long> overlay, int pageSize,
                                    long pageCount, HashingWriter writer, BackupProgress progress) throws IOException {
        long total = pageCount * pageSize;
        long fileSize = db.size();
        int chunkPages = HashingWriter.CHUNK / pageSize;
        for (long first = 1; first <= pageCount; first += chunkPages) {
            long last = Math.min(pageCount, first + chunkPages - 1);
            long offset = (first - 1) * pageSize;
            int length = (int) ((last - first + 1) * pageSize);
            ByteBuffer chunk = writer.take();
            ByteBuffer b = chunk.duplicate().limit(length);
            readUpTo(db, b, offset);
            long haveUpTo = Math.min(fileSize, offset + length);
            while (b.hasRemaining()) {
                b.put((byte) 0);
            }
            for (Map.Entry<Long, Long> e : overlay.subMap(first, true, last, true).entrySet()) {
                int at = (int) ((e.getKey() - first) * pageSize);
                WalSnapshot.readFully(wal, chunk.duplicate().position(at).limit(at + pageSize), e.getValue());
            }
            if (haveUpTo < offset + length && !coveredByOverlay(overlay, haveUpTo, offset + length, pageSize)) {
                return null;
            }
            writer.write(chunk, length);
            progress.copied(offset + length, total);
        }
        return writer.finish();
    }

    private static boolean coveredByOverlay(TreeMap<Long, Long> overlay, long from, long to, int pageSize) {
        for (long p = from / pageSize + 1; p <= to / pageSize; p++) {
            if (!overlay.containsKey(p)) {
                return false;
            }
        }
        return true;
    }

    private static void readUpTo(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long pos = position;
        int n;
        while (b.hasRemaining() && (n = ch.read(b, pos)) > 0) {
            pos += n;
        }
    }

    /** Read-only descriptors opened during a copy, closed together at the end. */
    private static final class OpenFiles implements AutoCloseable {
        private final List<FileChannel> channels = new ArrayList<>();

        FileChannel open(Path p) throws IOException {
            FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
            channels.add(ch);
            return ch;
        }

        @Override
        public void close() {
            for (FileChannel ch : channels) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // read-only descriptor: nothing to lose
                }
            }
        }
    }
}
