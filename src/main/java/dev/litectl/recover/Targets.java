package dev.litectl.recover;

import dev.litectl.db.LitectlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the input and the target of a recovery, made before anything is read or written. */
final class Targets {
    private Targets() {}

    static void check(Path in, Path out, boolean force) {
        if (!Files.exists(in)) {
            throw new LitectlException("recover: cannot read " + in + ": no such file");
        }
        if (!Files.isRegularFile(in)) {
            throw new LitectlException("recover: cannot read " + in + ": not a regular file");
        }
        if (!Files.isReadable(in)) {
            throw new LitectlException("recover: cannot read " + in + ": permission denied");
        }
        if (in.equals(out) || sameFile(in, out)) {
            throw new LitectlException("recover: the target " + out + " is the input itself (recover never writes its input)");
        }
        String name = out.getFileName().toString();
        if (out.equals(in.resolveSibling(in.getFileName() + "-wal"))
                || out.equals(in.resolveSibling(in.getFileName() + "-shm"))) {
            throw new LitectlException("recover: the target " + out + " belongs to the input (" + name + ")");
        }
        if (Files.isDirectory(out)) {
            throw new LitectlException("recover: the target " + out + " is a directory");
        }
        if (Files.exists(out) && !force) {
            throw new LitectlException("recover: the target " + out + " already exists (use --force to replace it)");
        }
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new LitectlException("recover: cannot write " + out + ": folder " + parent + " does not exist");
        }
        if (!writable(parent)) {
            throw new LitectlException("recover: cannot write " + out + ": folder " + parent + " is not writable");
        }
    }

    /** Write permission as the mode bits say, even for root (a folder made read-only stays read-only). */
    private static boolean writable(Path dir) {
        if (!Files.isWritable(dir)) {
            return false;
        }
        try {
            var perms = Files.getPosixFilePermissions(dir);
            return perms.stream().anyMatch(p -> p.name().endsWith("_WRITE"));
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** A replaced target's stale WAL and shared-memory files would be applied to the new file: remove them. */
    static void removeSidecars(Path out) throws IOException {
        Files.deleteIfExists(out.resolveSibling(out.getFileName() + "-wal"));
        Files.deleteIfExists(out.resolveSibling(out.getFileName() + "-shm"));
        Files.deleteIfExists(out.resolveSibling(out.getFileName() + "-journal"));
    }

    static void deleteQuietly(Path temp) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + suffix));
            } catch (IOException e) {
                // best effort: the temporary file is hidden and named after the target
            }
        }
    }
}
