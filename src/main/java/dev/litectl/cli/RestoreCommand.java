package dev.litectl.cli;

import dev.litectl.admin.Restore;
import dev.litectl.admin.RestoreResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restore",
        description = "Replace the database by a verified backup, keeping the old database (and its -wal/-shm) aside.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl restore --from backups/litectl-20260101T030000Z.db",
            "  litectl --db app.db restore --from app-backup.db --format json"
        })
final class RestoreCommand extends LitectlCommand {
    @Option(names = "--from", paramLabel = "PATH", required = true, description = "The backup to restore (checked with integrity_check first).")
    String from;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        RestoreResult r = Restore.run(databasePath(), context().resolve(from), busyTimeoutMs());
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("database", r.database().toString());
            root.put("from", r.from().toString());
            root.put("bytes", r.bytes());
            root.put("sha256", r.sha256());
            root.put("kept_aside", r.keptAside() == null ? null : r.keptAside().toString());
            root.put("moved_aside", r.movedAside().stream().map(Path::toString).toList());
            root.put("duration_ms", r.durationMs());
            printJson(root);
        } else {
            TextTable t = new TextTable("", "");
            t.row("restored", r.database());
            t.row("from", r.from());
            t.row("bytes", r.bytes());
            t.row("sha256", r.sha256());
            t.row("old database", r.keptAside() == null ? "(none)" : r.keptAside());
            t.row("duration", r.durationMs() + " ms");
            t.print(out());
        }
        return ExitCodes.OK;
    }
}
