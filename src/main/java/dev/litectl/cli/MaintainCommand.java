package dev.litectl.cli;

import dev.litectl.admin.Backup;
import dev.litectl.admin.BackupOptions;
import dev.litectl.admin.BackupResult;
import dev.litectl.db.Database;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.store.MaintainOptions;
import dev.litectl.store.MaintainResult;
import dev.litectl.store.MaintainStep;
import dev.litectl.store.Maintainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Option(names = "--backup-to", paramLabel = "DIR",
            description = "Last step: a verified online backup into folder DIR (created if missing), named NAME-TIMESTAMP.db.")
    Path backupTo;

    @Option(names = "--keep", paramLabel = "N", description = "With --backup-to: keep the N newest backups of this database in DIR, delete older ones.")
    Integer keep;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        if (retainDays < 0) {
            throw usage("--retain must be 0 or more days, not " + retainDays);
        }
        if (keep != null && backupTo == null) {
            throw usage("--keep needs --backup-to DIR");
        }
        if (keep != null && keep < 1) {
            throw usage("--keep must be 1 or more, not " + keep);
        }
        MaintainResult result;
        try (Database db = open(OpenMode.READ_WRITE)) {
            result = new Maintainer(db).run(new MaintainOptions(retainDays, delete));
        }
        if (backupTo != null) {
            result = result.with(backup(context().resolve(backupTo.toString())));
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

    /** The backup step, through the admin backup engine; a failure is reported as a failed step. */
    private MaintainStep backup(Path dir) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(dir);
            BackupResult b = Backup.run(databasePath(), BackupOptions.to(dir).withKeep(keep).withVerify(true)
                    .withBusyTimeoutMs(busyTimeoutMs()));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("path", b.path().toString());
            details.put("bytes", b.bytes());
            details.put("sha256", b.sha256());
            details.put("deleted", b.deleted().stream().map(Path::toString).toList());
            return MaintainStep.succeeded("backup", b.path() + " (" + b.bytes() + " bytes, verified)"
                    + (b.deleted().isEmpty() ? "" : ", " + b.deleted().size() + " older deleted"), details, b.durationMs());
        } catch (LitectlException e) {
            return MaintainStep.failed("backup", e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return MaintainStep.failed("backup", "cannot create folder " + dir + ": " + e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        }
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
