package dev.litectl.admin;

import dev.litectl.db.LitectlException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a backup goes: a file, or a folder in which it gets {@code NAME-YYYYMMDDTHHMMSSZ.db} (with {@code -2},
 * {@code -3}… if that second is taken), and the rotation of a folder's backups.
 */
final class BackupTarget {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    final Path path;
    final Path folder;
    final boolean inFolder;
    private final String baseName;

    private BackupTarget(Path path, boolean inFolder, String baseName) {
        this.path = path;
        this.folder = path.getParent();
        this.inFolder = inFolder;
        this.baseName = baseName;
    }

    /** Resolves and checks the target for a backup of {@code database}; throws {@link LitectlException} when it cannot be written. */
    static BackupTarget resolve(Path database, BackupOptions options, Instant now) {
        Path t = options.target().toAbsolutePath().normalize();
        String base = baseName(database);
        if (Files.isDirectory(t)) {
            checkWritableFolder(t);
            String stamp = STAMP.format(now);
            int n = highestSuffix(t, base, stamp);
            // a second backup within the same second gets the next suffix, never a freed lower one: names sort by age
            Path p = t.resolve(base + "-" + stamp + (n == 0 ? "" : "-" + (n + 1)) + ".db");
            return new BackupTarget(p, true, base);
        }
        if (options.keep() != null) {
            throw new LitectlException("backup to " + t + ": --keep needs an existing folder as the target");
        }
        Path parent = t.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new LitectlException("backup to " + t + ": folder " + parent + " does not exist");
        }
        checkWritableFolder(parent);
        if (Files.exists(t)) {
            try {
                if (Files.isSameFile(t, database)) {
                    throw new LitectlException("backup to " + t + ": that is the database itself");
                }
            } catch (IOException e) {
                throw AtomicFiles.failure("backup", t, e);
            }
            if (!Files.isRegularFile(t)) {
                throw new LitectlException("backup to " + t + ": exists and is not a regular file");
            }
            if (!options.force()) {
                throw new LitectlException("backup to " + t + ": file exists (use --force to replace it)");
            }
        }
        return new BackupTarget(t, false, base);
    }

    /** 0 when no backup of this second exists, else the highest suffix in use (1 for the unsuffixed name). */
    private static int highestSuffix(Path folder, String base, String stamp) {
        Pattern p = Pattern.compile("^" + Pattern.quote(base + "-" + stamp) + "(?:-(\\d+))?\\.db$");
        int highest = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, f -> f.getFileName().toString().startsWith(base + "-" + stamp))) {
            for (Path f : files) {
                Matcher m = p.matcher(f.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, m.group(1) == null ? 1 : Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw AtomicFiles.failure("backup", folder, e);
        }
        return highest;
    }

    static String baseName(Path database) {
        String name = database.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Write permission by the mode bits (even for root, a folder someone made read-only is not written). */
    static void checkWritableFolder(Path dir) {
        boolean writable = Files.isWritable(dir);
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (writable && view != null) {
            try {
                var perms = view.readAttributes().permissions();
                writable = perms.contains(PosixFilePermission.OWNER_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)
                        || perms.contains(PosixFilePermission.OTHERS_WRITE);
            } catch (IOException e) {
                writable = true;
            }
        }
        if (!writable) {
            throw new LitectlException("backup to " + dir + ": folder is not writable");
        }
    }

    /** Deletes this database's oldest backups in the folder beyond the newest {@code keep}; returns what it deleted. */
    List<Path> rotate(int keep) throws IOException {
        Pattern p = Pattern.compile("^" + Pattern.quote(baseName) + "-(\\d{8}T\\d{6}Z)(?:-(\\d+))?\\.db$");
        record Found(Path path, String stamp, int n) {}
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Matcher m = p.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f)) {
                    found.add(new Found(f, m.group(1), m.group(2) == null ? 1 : Integer.parseInt(m.group(2))));
                }
            }
        }
        found.sort(Comparator.comparing(Found::stamp).thenComparingInt(Found::n).reversed());
        List<Path> deleted = new ArrayList<>();
        for (Found f : found.subList(Math.min(keep, found.size()), found.size())) {
            if (!f.path().equals(path)) {
                Files.deleteIfExists(f.path());
                deleted.add(f.path());
            }
        }
        if (!deleted.isEmpty()) {
            AtomicFiles.fsyncFolder(folder);
        }
        return deleted;
    }
}
