package dev.litectl.cli;

import dev.litectl.recover.RecoverResult;
import dev.litectl.recover.Recovery;
import dev.litectl.recover.TableReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recover",
        description = {"Salvage every readable row of a damaged database into a new one.",
            "Reads the SQLite file format directly (and the committed frames of its -wal file); never writes "
                    + "to the input. Rows of pages that no table reaches go into lost_and_found."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl --db damaged.db recover --to salvaged.db",
            "  litectl --db damaged.db recover --to salvaged.db --force --format json",
            "",
            "Exit 0 when the input was read as SQLite (the report says what was recovered), 1 when it is not "
                    + "a SQLite file at all or the target is refused."
        })
final class RecoverCommand extends LitectlCommand {
    @Option(names = "--to", required = true, paramLabel = "PATH", description = "The new database to write.")
    Path to;

    @Option(names = "--force", description = "Replace the target if it exists.")
    boolean force;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        Path input = databasePath();
        RecoverResult r = Recovery.recover(input, context().resolve(to.toString()), force);
        if (json) {
            printJson(toJson(r));
            return ExitCodes.OK;
        }
        TextTable t = new TextTable("TABLE", "ROWS", "PAGES READ", "PAGES UNREADABLE", "ROWS REJECTED");
        for (TableReport tr : r.tables()) {
            t.row(tr.name(), tr.rows(), tr.pagesRead(), tr.pagesUnreadable(), tr.rowsRejected());
        }
        if (r.lostAndFound().table() != null) {
            t.row(r.lostAndFound().table(), r.lostAndFound().rows(), r.lostAndFound().pages(), 0, 0);
        }
        t.print(out());
        out().println();
        out().printf("recovered %d rows into %s (%d pages of %d bytes read in %d ms)%n", r.rowsRecovered(), r.output(),
                r.pageCount(), r.pageSize(), r.durationMs());
        if (!r.headerValid()) {
            note("litectl: recover: the header of " + r.input() + " is damaged; the page size was found from its pages");
        }
        for (RecoverResult.SchemaFailure f : r.schemaFailures()) {
            note("litectl: recover: could not recreate " + f.type() + " " + f.name() + ": " + f.error());
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> toJson(RecoverResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", r.input().toString());
        root.put("output", r.output().toString());
        root.put("header_valid", r.headerValid());
        root.put("page_size", r.pageSize());
        root.put("page_count", r.pageCount());
        root.put("wal_frames_applied", r.walFramesApplied());
        root.put("freelist_pages", r.freelistPages());
        root.put("freelist_loop", r.freelistLoop());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TableReport tr : r.tables()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", tr.name());
            m.put("rows", tr.rows());
            m.put("pages_read", tr.pagesRead());
            m.put("pages_unreadable", tr.pagesUnreadable());
            m.put("rows_rejected", tr.rowsRejected());
            m.put("cycles", tr.cycles());
            m.put("overflow_loops", tr.overflowLoops());
            tables.add(m);
        }
        root.put("tables", tables);
        Map<String, Object> lost = new LinkedHashMap<>();
        lost.put("table", r.lostAndFound().table());
        lost.put("rows", r.lostAndFound().rows());
        lost.put("pages", r.lostAndFound().pages());
        root.put("lost_and_found", lost);
        root.put("schema_objects", r.schemaObjects());
        List<Map<String, Object>> failures = new ArrayList<>();
        for (RecoverResult.SchemaFailure f : r.schemaFailures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", f.type());
            m.put("name", f.name());
            m.put("error", f.error());
            failures.add(m);
        }
        root.put("schema_failures", failures);
        root.put("rows_recovered", r.rowsRecovered());
        root.put("duration_ms", r.durationMs());
        return root;
    }
}
