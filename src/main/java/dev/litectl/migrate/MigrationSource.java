package dev.litectl.migrate;

import dev.litectl.db.SqlStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where migrations come from: a folder, a classpath location, or the built-in agent schema. {@link #load()}
 * reads and validates every file before anything touches a database.
 */
public abstract class MigrationSource {

    /** A folder of migration files; a missing or unreadable folder is an error when loading. */
    public static MigrationSource directory(Path dir) {
        return new DirectorySource(dir);
    }

    /** A classpath location such as {@code db/migrations}, listed by its {@code index} file or its folder. */
    public static MigrationSource classpath(String location) {
        return new ClasspathSource(location, ClasspathSource.class.getClassLoader());
    }

    /** litectl's built-in agent schema (sessions, messages, tool executions, cache, telemetry, tasks, audit log). */
    public static MigrationSource builtin() {
        return new ClasspathSource(ClasspathSource.BUILTIN, ClasspathSource.class.getClassLoader());
    }

    /** Human-readable origin, e.g. the folder's path or {@code built-in schema}. */
    public abstract String description();

    /** The raw files: (name, text) pairs, in no particular order. */
    protected abstract List<RawFile> readFiles();

    record RawFile(String fileName, String source, String text) {}

    private List<MigrationFile> loaded;

    /**
     * Every migration in version order, validated: names parsed, markers checked, duplicate versions and
     * statements that cannot run inside a transactional migration refused. Read once; later calls return the
     * same list.
     */
    public final synchronized List<MigrationFile> load() {
        if (loaded == null) {
            loaded = List.copyOf(read());
        }
        return loaded;
    }

    private List<MigrationFile> read() {
        Map<Long, List<RawFile>> byVersion = new LinkedHashMap<>();
        Map<RawFile, MigrationParser.FileName> names = new LinkedHashMap<>();
        for (RawFile f : readFiles()) {
            MigrationParser.FileName n = MigrationParser.parseName(f.fileName(), f.source());
            names.put(f, n);
            byVersion.computeIfAbsent(n.version(), v -> new ArrayList<>()).add(f);
        }
        List<MigrationFile> out = new ArrayList<>();
        for (var entry : byVersion.entrySet()) {
            out.add(merge(entry.getKey(), entry.getValue(), names));
        }
        out.sort(Comparator.comparingLong(MigrationFile::version));
        for (MigrationFile m : out) {
            checkTransactional(m, m.up(), "up");
            if (m.down() != null) {
                checkTransactional(m, m.down(), "down");
            }
        }
        return out;
    }

    /**
     * Writes the source's files, unchanged, into {@code dir} (created if needed); an existing file is never
     * overwritten. Used to turn the built-in schema into a project's own migrations folder.
     */
    public final List<Path> exportTo(Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (RawFile f : readFiles()) {
                Path target = dir.resolve(f.fileName());
                Files.writeString(target, f.text(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW);
                written.add(target);
            }
        } catch (IOException e) {
            throw new MigrationException("cannot write migrations into " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static MigrationFile merge(long version, List<RawFile> files, Map<RawFile, MigrationParser.FileName> names) {
        if (files.size() == 1 && names.get(files.get(0)).direction() == null) {
            RawFile f = files.get(0);
            return MigrationParser.parse(names.get(f), f.source(), f.text());
        }
        RawFile up = null;
        RawFile down = null;
        for (RawFile f : files) {
            String dir = names.get(f).direction();
            if ("up".equals(dir) && up == null) {
                up = f;
            } else if ("down".equals(dir) && down == null) {
                down = f;
            } else {
                throw duplicate(version, files);
            }
        }
        if (up == null) {
            throw new MigrationException(down.source() + ": down migration without a matching .up.sql file");
        }
        if (down != null && !names.get(up).name().equals(names.get(down).name())) {
            throw duplicate(version, files);
        }
        Section upSection = MigrationParser.parseHalf("up", up.source(), up.text());
        Section downSection = down == null ? null : MigrationParser.parseHalf("down", down.source(), down.text());
        return new MigrationFile(version, names.get(up).name(), up.source(), upSection, downSection, Checksums.of(upSection.sql()));
    }

    private static MigrationException duplicate(long version, List<RawFile> files) {
        List<String> sources = files.stream().map(RawFile::source).sorted().toList();
        return new MigrationException("duplicate migration version " + version + ": " + String.join(", ", sources));
    }

    private static void checkTransactional(MigrationFile m, Section s, String direction) {
        if (s.noTransaction()) {
            return;
        }
        for (SqlStatement st : s.statements()) {
            String head = st.leadingWords(2);
            String first = head.contains(" ") ? head.substring(0, head.indexOf(' ')) : head;
            String hint = null;
            if (head.equals("PRAGMA FOREIGN_KEYS") || st.sql().replaceAll("\\s+", "").toUpperCase().startsWith("PRAGMAFOREIGN_KEYS")) {
                hint = "PRAGMA foreign_keys has no effect inside a transaction; litectl turns foreign keys off around "
                        + "each migration already (use '-- migrate:" + direction + " foreign-keys on' to keep them on)";
            } else if (first.equals("BEGIN") || first.equals("COMMIT") || first.equals("END")
                    || first.equals("ROLLBACK") && !head.equals("ROLLBACK TO")) {
                hint = first + " inside a migration: litectl runs each migration in its own transaction "
                        + "(use '-- migrate:" + direction + " no-transaction' to manage transactions yourself)";
            }
            if (hint != null) {
                throw new MigrationException(m.source() + ":" + st.line() + ": " + hint);
            }
        }
    }
}
