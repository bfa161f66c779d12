package dev.litectl.cli;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.store.MaintainOptions;
import dev.litectl.store.MaintainResult;
import dev.litectl.store.MaintainStep;
import dev.litectl.store.Maintainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "maintain",
        description = "The one cron line: purge expired cache entries, archive (or delete) telemetry and audit rows older than "
                + "--retain days, PRAGMA optimize, incremental vacuum. Each step reports what it did; a failed step leaves "
                + "the others' work in place and makes the exit code 1.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl maintain                     archive rows older than 30 days",
            "  litectl maintain --retain 7 --delete delete rows older than a week",
            "  litectl maintain --format json       the report with counts per step",
            "  crontab: 0 3 * * * litectl --db /srv/app.db maintain >/dev/null"
        })
final class MaintainCommand extends LitectlCommand {
    @Option(names = "--retain", paramLabel = "DAYS",
            description = "Keep telemetry and audit rows younger than DAYS days (default: ${DEFAULT-VALUE}).")
    int retainDays = MaintainOptions.DEFAULT_RETAIN_DAYS;

    @Option(names = "--delete", description = "Delete old telemetry and audit rows instead of moving them to the archive tables.")
    boolean delete;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        if (retainDays < 0) {
            throw usage("--retain must be 0 or more days, not " + retainDays);
        }
        MaintainResult result;
        try (Database db = open(OpenMode.READ_WRITE)) {
            result = new Maintainer(db).run(new MaintainOptions(retainDays, delete));
        }
        if (json) {
            printJson(toJson(result));
        } else {
            printTable(result);
        }
        for (MaintainStep s : result.steps()) {
            if (!s.ok()) {
                err().println("litectl: maintain: " + s.error());
            }
        }
        return result.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void printTable(MaintainResult result) {
        List<String[]> rows = new ArrayList<>();
        for (MaintainStep s : result.steps()) {
            rows.add(new String[] {s.name(), s.ok() ? "ok" : "FAILED", s.durationMs() + " ms", s.ok() ? s.summary() : s.error()});
        }
        int w0 = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int w2 = rows.stream().mapToInt(r -> r[2].length()).max().orElse(0);
        for (String[] r : rows) {
            out().println(String.format("%-" + w0 + "s  %-6s  %" + w2 + "s  %s", r[0], r[1], r[2], r[3]));
        }
    }

    private Map<String, Object> toJson(MaintainResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("database", databasePath().toString());
        root.put("retain_days", retainDays);
        root.put("cutoff", result.cutoff());
        root.put("delete", delete);
        root.put("ok", result.ok());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (MaintainStep s : result.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", s.name());
            m.put("ok", s.ok());
            m.put("duration_ms", s.durationMs());
            m.put("summary", s.summary());
            m.put("error", s.error());
            m.put("details", s.details());
            steps.add(m);
        }
        root.put("steps", steps);
        return root;
    }
}
