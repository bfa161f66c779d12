package dev.litectl.cli;

import dev.litectl.admin.SpaceStats;
import dev.litectl.admin.Vacuum;
import dev.litectl.admin.VacuumOptions;
import dev.litectl.admin.VacuumResult;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "vacuum",
        description = "Reclaim free space (VACUUM, VACUUM INTO a new file, or incremental); report size and free pages before and after.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl vacuum --analyze",
            "  litectl vacuum --into compact.db          write a compacted copy; the database is not changed",
            "  litectl vacuum --incremental              when auto_vacuum=INCREMENTAL"
        })
final class VacuumCommand extends LitectlCommand {
    @Option(names = "--into", paramLabel = "PATH", description = "Write a vacuumed copy to PATH (a new file) instead of vacuuming in place.")
    String into;

    @Option(names = "--incremental", description = "Free the pages on the freelist (needs auto_vacuum=INCREMENTAL).")
    boolean incremental;

    @Option(names = "--analyze", description = "Run ANALYZE and PRAGMA optimize afterwards.")
    boolean analyze;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        if (into != null && incremental) {
            throw usage("--into and --incremental exclude each other");
        }
        if (into != null && analyze) {
            throw usage("--analyze changes the database; it does not go with --into");
        }
        VacuumResult r = Vacuum.run(databasePath(),
                new VacuumOptions(into == null ? null : context().resolve(into), incremental, analyze, busyTimeoutMs()));
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("database", r.database().toString());
            root.put("mode", r.mode());
            root.put("into", r.into() == null ? null : r.into().toString());
            root.put("before", stats(r.before()));
            root.put("after", stats(r.after()));
            root.put("analyzed", r.analyzed());
            root.put("duration_ms", r.durationMs());
            printJson(root);
        } else {
            TextTable t = new TextTable("", "BYTES", "WAL BYTES", "PAGES", "FREE PAGES");
            t.row("before", r.before().fileBytes(), r.before().walBytes(), r.before().pageCount(), r.before().freePages());
            t.row(r.into() == null ? "after" : "into", r.after().fileBytes(), r.after().walBytes(), r.after().pageCount(), r.after().freePages());
            t.print(out());
            out().printf("%n%s vacuum%s of %s in %d ms%s%n", r.mode(), r.into() == null ? "" : " into " + r.into(), r.database(),
                    r.durationMs(), r.analyzed() ? "; ANALYZE and PRAGMA optimize done" : "");
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> stats(SpaceStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file_bytes", s.fileBytes());
        m.put("wal_bytes", s.walBytes());
        m.put("page_size", s.pageSize());
        m.put("page_count", s.pageCount());
        m.put("free_pages", s.freePages());
        return m;
    }
}
