package dev.litectl.cli;

import dev.litectl.admin.Backup;
import dev.litectl.admin.BackupOptions;
import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.migrate.AppliedStep;
import dev.litectl.migrate.MigrateOptions;
import dev.litectl.migrate.MigrateResult;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migrate",
        description = "Apply pending migrations in version order, each in its own transaction; creates the database if needed.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl migrate",
            "  litectl migrate --dry-run           run the pending migrations in a transaction, then roll it back",
            "  litectl migrate --to 5 --backup     apply up to version 5, copying the database first"
        })
final class MigrateCommand extends LitectlCommand {
    @Option(names = "--to", paramLabel = "V", description = "Apply pending migrations up to and including version V.")
    Long to;

    @Option(names = "--dry-run", description = "Run the pending migrations inside a transaction and roll it back: finds the errors, writes nothing.")
    boolean dryRun;

    @Option(names = "--backup", description = "Copy the database (online backup) before the first change, to DB.before-migrate-TIMESTAMP.")
    boolean backup;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        if (to != null && to < 0) {
            throw usage("--to must be a version (0 or more), not " + to);
        }
        Path path = databasePath();
        MigrationSource source = migrationSource();
        source.load(); // invalid migration files are refused before the database is created or touched
        MigrateResult result;
        Path[] backupTo = {null}; // set by the backup taken before the first change, if any
        boolean memory = dryRun && !Files.exists(path);
        try (Database db = memory ? Database.openInMemory() : open(OpenMode.CREATE)) {
            Migrator migrator = new Migrator(db, source);
            Runnable backupFirst = backup && !memory ? () -> backupTo[0] = takeBackup(path) : null;
            result = migrator.migrate(new MigrateOptions(to, dryRun, backupFirst));
        }
        result.warnings().forEach(w -> note("litectl: warning: " + w));
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("database", path.toString());
            root.put("from_version", result.fromVersion());
            root.put("to_version", result.toVersion());
            root.put("dry_run", result.dryRun());
            root.put("backup", backupTo[0] == null ? null : backupTo[0].toString());
            root.put("applied", StepsJson.of(result.applied()));
            root.put("warnings", result.warnings());
            printJson(root);
            return ExitCodes.OK;
        }
        if (backupTo[0] != null) {
            out().println("backup " + backupTo[0]);
        }
        for (AppliedStep s : result.applied()) {
            String verb = dryRun ? "tried " : "applied ";
            out().println(verb + s.version() + "-" + s.name() + " (" + s.durationMs() + " ms)"
                    + (s.note().isEmpty() ? "" : ": " + s.note()));
        }
        if (result.applied().isEmpty()) {
            out().println("nothing to migrate: database is at version " + result.fromVersion());
        } else if (dryRun) {
            out().println("dry run: " + result.applied().size() + " migration(s) would apply; nothing was written");
        } else {
            out().println("version " + result.fromVersion() + " -> " + result.toVersion());
        }
        return ExitCodes.OK;
    }

    /** A verified copy through the admin backup engine (temporary name, fsync, rename), beside the database. */
    private Path takeBackup(Path db) {
        return Backup.run(db, BackupOptions.to(backupPath(db)).withVerify(true).withBusyTimeoutMs(busyTimeoutMs())).path();
    }

    static Path backupPath(Path db) {
        String ts = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
        return db.resolveSibling(db.getFileName() + ".before-migrate-" + ts);
    }
}
