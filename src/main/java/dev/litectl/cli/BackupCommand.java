package dev.litectl.cli;

import dev.litectl.admin.Backup;
import dev.litectl.admin.BackupMethod;
import dev.litectl.admin.BackupOptions;
import dev.litectl.admin.BackupProgress;
import dev.litectl.admin.BackupResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backup",
        description = "Copy the live database consistently while others keep reading and writing; the target never holds a partial file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl backup --to backups/app.db --verify",
            "  litectl backup --to backups/ --keep 7     backups/NAME-YYYYMMDDTHHMMSSZ.db, keep the 7 newest",
            "  litectl backup --to nightly.db --force --format json"
        })
final class BackupCommand extends LitectlCommand {
    private static final long PROGRESS_FROM_BYTES = 64L << 20;

    @Option(names = "--to", paramLabel = "PATH|DIR", required = true,
            description = "Target file, or an existing folder (the backup is named NAME-YYYYMMDDTHHMMSSZ.db there).")
    String to;

    @Option(names = "--keep", paramLabel = "N", description = "With a folder target: keep only the N newest backups of this database (after the new one is complete).")
    Integer keep;

    @Option(names = "--verify", description = "Open the copy, run integrity_check and compare every table's row count with the source as of the backup.")
    boolean verify;

    @Option(names = "--force", description = "Replace an existing target file (atomically: a failed run leaves the old one).")
    boolean force;

    @Option(names = "--compact", description = "Copy with VACUUM INTO: smaller and defragmented, but slower.")
    boolean compact;

    @Option(names = "--method", paramLabel = "M", description = "How to copy: snapshot-copy (default), online-backup or vacuum-into.")
    String method;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        if (keep != null && keep < 1) {
            throw usage("--keep must be 1 or more, not " + keep);
        }
        BackupMethod m = method(compact, method);
        Path target = context().resolve(to);
        if ((to.endsWith("/") || keep != null) && !Files.isDirectory(target)) {
            throw new dev.litectl.db.LitectlException("backup to " + target + ": folder does not exist");
        }
        Path db = databasePath();
        BackupOptions options = BackupOptions.to(target).withForce(force).withKeep(keep).withVerify(verify)
                .withMethod(m).withBusyTimeoutMs(busyTimeoutMs()).withProgress(progress(db));
        BackupResult r = Backup.run(db, options);
        if (json) {
            printJson(toJson(r));
        } else {
            TextTable t = new TextTable("", "");
            t.row("backup", r.path());
            t.row("bytes", r.bytes());
            t.row("sha256", r.sha256());
            t.row("duration", r.durationMs() + " ms");
            t.row("method", r.method().label());
            t.row("verified", !r.verified() ? "no" : "integrity_check ok, " + r.rowCounts().size() + " tables, "
                    + (r.countsCompared() ? "row counts equal to the source" : "row counts not compared (the source changed meanwhile)"));
            r.deleted().forEach(p -> t.row("deleted", p));
            t.print(out());
        }
        return ExitCodes.OK;
    }

    private BackupMethod method(boolean compact, String name) {
        if (name == null) {
            return compact ? BackupMethod.VACUUM_INTO : BackupMethod.SNAPSHOT_COPY;
        }
        for (BackupMethod b : BackupMethod.values()) {
            if (b.label().equals(name)) {
                if (compact && b != BackupMethod.VACUUM_INTO) {
                    throw usage("--compact and --method " + name + " contradict each other");
                }
                return b;
            }
        }
        throw usage("--method must be snapshot-copy, online-backup or vacuum-into, not '" + name + "'");
    }

    private BackupProgress progress(Path db) {
        boolean terminal = (context().stdoutIsTerminal() || context().stdinIsTerminal()) && Terminals.isTerminal(2);
        if (!terminal || globals().quiet || !Files.isRegularFile(db)) {
            return BackupProgress.NONE;
        }
        try {
            if (Files.size(db) < PROGRESS_FROM_BYTES) {
                return BackupProgress.NONE;
            }
        } catch (java.io.IOException e) {
            return BackupProgress.NONE;
        }
        return new ProgressBar(err());
    }

    static Map<String, Object> toJson(BackupResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("database", r.database().toString());
        root.put("path", r.path().toString());
        root.put("bytes", r.bytes());
        root.put("sha256", r.sha256());
        root.put("duration_ms", r.durationMs());
        root.put("method", r.method().label());
        root.put("verified", r.verified());
        root.put("counts_compared", r.countsCompared());
        root.put("row_counts", r.rowCounts());
        root.put("deleted", r.deleted().stream().map(Path::toString).toList());
        return root;
    }
}
