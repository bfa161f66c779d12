package dev.litectl.cli;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.migrate.AppliedStep;
import dev.litectl.migrate.Migrator;
import dev.litectl.migrate.RollbackOptions;
import dev.litectl.migrate.RollbackResult;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollback",
        description = "Undo the most recent migrations with the down SQL stored when they were applied.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl rollback                 undo the newest migration",
            "  litectl rollback --steps 3",
            "  litectl rollback --to 0          undo every migration",
            "  litectl rollback --to 4 --dry-run"
        })
final class RollbackCommand extends LitectlCommand {
    static final class Target {
        @Option(names = "--steps", paramLabel = "N", description = "How many migrations to undo (default: 1).")
        Integer steps;

        @Option(names = "--to", paramLabel = "V", description = "Undo every migration newer than version V.")
        Long to;
    }

    @ArgGroup(exclusive = true)
    Target target;

    @Option(names = "--dry-run", description = "Run the down sections inside a transaction and roll it back.")
    boolean dryRun;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        RollbackOptions options;
        if (target != null && target.to != null) {
            if (target.to < 0) {
                throw usage("--to must be a version (0 or more), not " + target.to);
            }
            options = new RollbackOptions(0, target.to, dryRun);
        } else {
            int steps = target == null || target.steps == null ? 1 : target.steps;
            if (steps < 1) {
                throw usage("--steps must be 1 or more, not " + steps);
            }
            options = new RollbackOptions(steps, null, dryRun);
        }
        RollbackResult result;
        try (Database db = open(OpenMode.READ_WRITE)) {
            result = new Migrator(db, migrationSource()).rollback(options);
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("database", databasePath().toString());
            root.put("from_version", result.fromVersion());
            root.put("to_version", result.toVersion());
            root.put("dry_run", result.dryRun());
            root.put("rolled_back", StepsJson.of(result.rolledBack()));
            printJson(root);
            return ExitCodes.OK;
        }
        for (AppliedStep s : result.rolledBack()) {
            out().println((dryRun ? "tried " : "rolled back ") + s.version() + "-" + s.name() + " (" + s.durationMs() + " ms)"
                    + (s.note().isEmpty() ? "" : ": " + s.note()));
        }
        if (result.rolledBack().isEmpty()) {
            out().println("nothing to roll back: database is at version " + result.fromVersion());
        } else if (dryRun) {
            out().println("dry run: nothing was written");
        } else {
            out().println("version " + result.fromVersion() + " -> " + result.toVersion());
        }
        return ExitCodes.OK;
    }
}
