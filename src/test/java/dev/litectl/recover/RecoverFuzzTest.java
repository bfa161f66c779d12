package dev.litectl.recover;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.List;

/**
 * Fuzzes the page and record parser with Jazzer. In a normal test run each target replays its corpus
 * ({@code src/test/resources/.../RecoverFuzzTestInputs/<target>/}: small real databases and a WAL); with
 * {@code JAZZER_FUZZ=1} it fuzzes, e.g.
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=RecoverFuzzTest#salvageNeverFailsOnAnyFile}. The only exception allowed
 * out is the parser's own {@link NotSqliteException}; a hang or a runaway allocation fails the session.
 */
class RecoverFuzzTest {
    private static final Salvage.RowVisitor IGNORE_ROW = (pgno, hasRowid, rowid, values) -> {};

    @FuzzTest(maxDuration = "5m")
    void salvageNeverFailsOnAnyFile(byte[] file) throws IOException {
        try (PageReader reader = new PageReader(ByteSource.of(file), null)) {
            assertTrue(PageReader.validPageSize(reader.pageSize()));
            Salvage salvage = new Salvage(reader);
            List<SchemaEntry> schema = salvage.readSchema();
            salvage.schemaPageReadable();
            for (SchemaEntry e : schema) {
                salvage.scanTree(e.rootPage(), IGNORE_ROW);
            }
            salvage.markFreelist();
            salvage.markPointerMaps();
            Salvage.LostPages lost = salvage.findLost();
            salvage.scanLost(lost, (root, pgno, hasRowid, rowid, values) -> {});
            assertTrue(reader.pagesRead() >= 0);
        } catch (NotSqliteException expected) {
            // the one failure the parser reports: not a SQLite file at all
        }
        new RecordDecoder(1).decode(file);
        new RecordDecoder(2).decode(file);
    }

    @FuzzTest(maxDuration = "5m")
    void walReaderNeverFailsOnAnyLog(byte[] log) throws IOException {
        WalIndex index = WalIndex.read(ByteSource.of(log), 512);
        assertTrue(index.committedFrames() >= 0 && index.maxPage() >= 0);
    }
}
