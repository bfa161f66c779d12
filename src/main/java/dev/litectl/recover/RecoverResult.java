package dev.litectl.recover;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link Recovery#recover}: the new database, what the input's header said, each table's
 * report, the orphan rows, and the schema objects that could not be recreated (with SQLite's reason).
 */
public record RecoverResult(Path input, Path output, boolean headerValid, int pageSize, long pageCount,
        int walFramesApplied, long freelistPages, boolean freelistLoop, List<TableReport> tables,
        LostAndFound lostAndFound, int schemaObjects, List<SchemaFailure> schemaFailures, long durationMs) {

    /** A schema object whose SQL failed in the new database. */
    public record SchemaFailure(String type, String name, String error) {}

    public long rowsRecovered() {
        return tables.stream().mapToLong(TableReport::rows).sum() + lostAndFound.rows();
    }
}
