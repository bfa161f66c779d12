package dev.litectl.admin;

import dev.litectl.db.LitectlException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporary files beside a target, made durable and put in place atomically: the target path never holds a
 * partial file. Temporary names carry the writer's process id, so a later run can remove what a killed run left.
 */
final class AtomicFiles {
    private static final String TMP_MARK = ".litectl-tmp-";
    private static final Pattern LEFTOVER = Pattern.compile("^\\..*\\.litectl-tmp-(\\d+)-[0-9a-z]+(?:-wal|-shm|-journal)?$");
    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

    private AtomicFiles() {}

    /** A fresh temporary path beside {@code target}: {@code .NAME.litectl-tmp-PID-N}, hidden, in the same folder. */
    static Path tempBeside(Path target) {
        long pid = ProcessHandle.current().pid();
        Path dir = target.toAbsolutePath().getParent();
        String unique = Long.toString(System.nanoTime() ^ COUNTER.incrementAndGet(), 36).replace("-", "");
        return dir.resolve("." + target.getFileName() + TMP_MARK + pid + "-" + unique);
    }

    /** Creates {@code tmp} empty, readable and writable by the owner only; replaces a leftover of this process. */
    static void createPrivate(Path tmp) throws IOException {
        deleteWithSidecars(tmp);
        Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(owner));
        } catch (UnsupportedOperationException e) { // no POSIX permissions on this file system
            Files.createFile(tmp);
        }
    }

    /** Gives {@code file} the permissions of {@code source}, never wider (POSIX file systems only). */
    static void copyPermissions(Path source, Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(source, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(file, view.readAttributes().permissions());
        }
    }

    /** Flushes a file's content and metadata to disk. */
    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Flushes a folder's entries (a rename or unlink inside it) to disk; file systems that cannot are skipped. */
    static void fsyncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open or sync a directory; the rename itself is still atomic
        }
    }

    /**
     * Puts the finished {@code tmp} at {@code target} in one step and syncs the folder. With {@code replace} an
     * existing target is swapped atomically (rename); without, the move fails if the target appeared meanwhile
     * (hard link, then unlink of the temporary name).
     */
    static void publish(Path tmp, Path target, boolean replace) throws IOException {
        if (replace) {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            boolean linked;
            try {
                Files.createLink(target, tmp);
                linked = true;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | RuntimeException e) { // no hard links on this file system: rename after a last check
                linked = false;
            }
            if (linked) {
                deleteWithSidecars(tmp);
            } else {
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        fsyncFolder(target.toAbsolutePath().getParent());
    }

    /** Deletes a file and the -wal, -shm and -journal files SQLite may have left beside it. */
    static void deleteWithSidecars(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // best effort: a leftover temporary file is removed by the next run
            }
        }
    }

    /** Removes temporary files in {@code dir} left by litectl processes that are no longer running. */
    static void removeLeftovers(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> f.getFileName().toString().contains(TMP_MARK))) {
            for (Path f : files) {
                Matcher m = LEFTOVER.matcher(f.getFileName().toString());
                if (m.matches() && !isRunning(Long.parseLong(m.group(1)))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up after others is best effort and must not fail a good backup
        }
    }

    private static boolean isRunning(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return true;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A {@link LitectlException} for an I/O failure on {@code path}. */
    static LitectlException failure(String what, Path path, IOException e) {
        String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : e instanceof FileAlreadyExistsException ? "already exists"
                : e.getMessage();
        return new LitectlException(what + ": " + path + ": " + why, e);
    }
}
