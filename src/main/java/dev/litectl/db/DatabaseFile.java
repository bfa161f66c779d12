package dev.litectl.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;

/** Checks a database path before SQLite touches it, so that a wrong path is refused without writing anything. */
public final class DatabaseFile {
    /** The 16 bytes every SQLite database file starts with. */
    public static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFile() {}

    /**
     * Refuses a path that cannot be the database for {@code mode}: a directory, a file that is not SQLite,
     * a missing file (unless creating), a file or folder without write permission (unless read-only).
     */
    public static void checkOpenable(Path path, OpenMode mode) {
        String where = "cannot open " + path;
        if (Files.isDirectory(path)) {
            throw new LitectlException(where + ": is a directory");
        }
        boolean exists = Files.exists(path);
        if (!exists) {
            if (mode != OpenMode.CREATE) {
                throw new LitectlException(where + ": no such database file (only init and migrate create one)");
            }
            Path parent = path.toAbsolutePath().getParent();
            Path existing = parent;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !Files.isDirectory(existing)) {
                throw new LitectlException(where + ": " + existing + " is not a directory");
            }
            if (existing != null && !isWritable(existing)) {
                throw new LitectlException(where + ": folder " + existing + " is not writable");
            }
            return;
        }
        if (!Files.isRegularFile(path)) {
            throw new LitectlException(where + ": not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new LitectlException(where + ": permission denied");
        }
        if (!hasSqliteHeader(path)) {
            throw new LitectlException(where + ": not a SQLite database");
        }
        if (mode != OpenMode.READ_ONLY) {
            if (!isWritable(path)) {
                throw new LitectlException(where + ": file is read-only");
            }
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && !isWritable(parent)) {
                throw new LitectlException(where + ": folder " + parent + " is not writable (SQLite needs it for its journal)");
            }
        }
    }

    /** True for an empty file (SQLite treats it as a new database) or one that starts with the SQLite header. */
    public static boolean hasSqliteHeader(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(MAGIC.length);
            return head.length == 0 || Arrays.equals(head, MAGIC);
        } catch (IOException e) {
            throw new LitectlException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Write permission as the mode bits say, even for root: a file someone made read-only is treated as
     * read-only, rather than written because the superuser may.
     */
    static boolean isWritable(Path path) {
        if (!Files.isWritable(path)) {
            return false;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return true;
        }
        try {
            var perms = view.readAttributes().permissions();
            return perms.contains(PosixFilePermission.OWNER_WRITE)
                    || perms.contains(PosixFilePermission.GROUP_WRITE)
                    || perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException e) {
            return true;
        }
    }
}
