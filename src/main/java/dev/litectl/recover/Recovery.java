package dev.litectl.recover;

import dev.litectl.db.LitectlException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Salvages every readable row of a damaged SQLite database into a new one, reading the file format directly
 * (no SQLite extension): the input and its WAL are only ever opened for reading, and the output is built in a
 * temporary file beside the target and renamed into place when complete, so a failure leaves nothing behind.
 */
public final class Recovery {
    private Recovery() {}

    /**
     * Recovers {@code input} into {@code target}. Throws {@link NotSqliteException} when the input is not a SQLite
     * file at all, and {@link LitectlException} when the target is refused (exists without {@code force}, is the
     * input, or its folder is not writable) or the output cannot be written.
     */
    public static RecoverResult recover(Path input, Path target, boolean force) {
        long start = System.nanoTime();
        Path in = input.toAbsolutePath().normalize();
        Path out = target.toAbsolutePath().normalize();
        Targets.check(in, out, force);
        Path wal = in.resolveSibling(in.getFileName() + "-wal");
        Path temp = null;
        try (PageReader reader = open(in, wal)) {
            temp = Files.createTempFile(out.getParent(), "." + out.getFileName() + ".", ".recovering");
            RecoverResult result = build(reader, in, out, temp, start);
            Targets.removeSidecars(out);
            move(temp, out);
            temp = null;
            return result;
        } catch (NotSqliteException e) {
            throw new NotSqliteException("recover: " + in + " is not a SQLite database: " + e.getMessage());
        } catch (IOException e) {
            throw new LitectlException("recover: cannot read " + in + " or write " + out + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new LitectlException("recover: cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                Targets.deleteQuietly(temp);
            }
        }
    }

    private static PageReader open(Path in, Path wal) throws IOException {
        FileByteSource db = new FileByteSource(in);
        FileByteSource walSource = null;
        try {
            if (Files.isRegularFile(wal) && Files.size(wal) > 0) {
                walSource = new FileByteSource(wal);
            }
            return new PageReader(db, walSource);
        } catch (IOException | RuntimeException e) {
            db.close();
            if (walSource != null) {
                walSource.close();
            }
            throw e;
        }
    }

    private static RecoverResult build(PageReader reader, Path in, Path out, Path temp, long start)
            throws SQLException {
        Salvage salvage = new Salvage(reader);
        List<SchemaEntry> schema = salvage.readSchema();
        boolean schemaReadable = salvage.schemaPageReadable();
        List<TableReport> reports = new ArrayList<>();
        LostAndFound lost;
        List<RecoverResult.SchemaFailure> failures;
        int created;
        try (OutputDatabase db = new OutputDatabase(temp, reader)) {
            List<SchemaEntry> first = new ArrayList<>();
            for (SchemaEntry e : schema) {
                if ((e.isTable() || e.isVirtual()) && !isInternal(e.name()) || e.isUniqueIndex()) {
                    first.add(e);
                }
            }
            first.sort(Comparator.comparing((SchemaEntry e) -> !("table".equals(e.type()))));
            List<Created> tables = new ArrayList<>();
            for (SchemaEntry e : first) {
                if (db.create(e) && e.isTable()) {
                    String name = db.createdTable(e.name());
                    if (name != null) {
                        tables.add(new Created(name, e));
                    }
                }
            }
            java.util.Set<Long> walked = new java.util.HashSet<>();
            for (Created t : tables) {
                reports.add(copyTable(salvage, db, t.name(), t.entry()));
                walked.add(t.entry().rootPage());
            }
            for (SchemaEntry e : schema) {
                if ("sqlite_sequence".equals(e.name()) && e.isTable() && db.exists("sqlite_sequence")) {
                    TableWriter.clearSequence(db.connection());
                    reports.add(copyTable(salvage, db, "sqlite_sequence", e));
                    walked.add(e.rootPage());
                }
            }
            for (SchemaEntry e : schema) {
                if (e.rootPage() > 0 && !walked.contains(e.rootPage())) {
                    salvage.markTree(e.rootPage());
                }
            }
            salvage.markFreelist();
            salvage.markPointerMaps();
            lost = LostAndFoundWriter.write(salvage, db);
            for (SchemaEntry e : schema) {
                boolean later = !"table".equals(e.type()) && !e.isUniqueIndex() && e.sql() != null;
                if (later) {
                    db.create(e);
                }
            }
            db.finish(reader.walMode());
            failures = db.failures();
            created = db.created();
        }
        long rows = reports.stream().mapToLong(TableReport::rows).sum() + lost.rows();
        if (!schemaReadable && schema.isEmpty() && rows == 0) {
            throw new NotSqliteException("nothing could be recovered: no schema, no table rows, no orphan records");
        }
        return new RecoverResult(in, out, reader.magicValid(), reader.pageSize(), reader.pageCount(),
                reader.walFramesApplied(), salvage.freelistPages(), salvage.freelistLoop(), reports, lost,
                created, failures, (System.nanoTime() - start) / 1_000_000);
    }

    /** A table created in the new database, under its name there, with its schema row from the input. */
    private record Created(String name, SchemaEntry entry) {}

    private static boolean isInternal(String name) {
        return name != null && name.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_");
    }

    private static TableReport copyTable(Salvage salvage, OutputDatabase db, String name, SchemaEntry e)
            throws SQLException {
        try (TableWriter writer = new TableWriter(db.connection(), name, e.sql())) {
            Salvage.TreeScan scan = salvage.scanTree(e.rootPage(),
                    (pgno, hasRowid, rowid, values) -> writer.insert(hasRowid, rowid, values));
            return new TableReport(name, writer.rows(), scan.pagesRead(), scan.pagesUnreadable(), writer.rejected(),
                    scan.cycles(), scan.overflowLoops());
        }
    }

    private static void move(Path temp, Path out) throws IOException {
        try {
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
