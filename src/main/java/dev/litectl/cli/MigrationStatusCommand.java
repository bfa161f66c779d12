package dev.litectl.cli;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.migrate.MigrationState;
import dev.litectl.migrate.MigrationStatus;
import dev.litectl.migrate.Migrator;
import dev.litectl.migrate.StatusResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migration-status",
        description = "List every migration with its state: applied, pending, modified or missing.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl migration-status",
            "  litectl migration-status --check          exit 3 when anything is pending or modified",
            "  litectl migration-status --format json | jq '.migrations[] | select(.state != \"applied\")'"
        })
final class MigrationStatusCommand extends LitectlCommand {
    @Option(names = "--check", description = "Exit 3 when any migration is pending or modified.")
    boolean check;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        StatusResult status;
        try (Database db = open(OpenMode.READ_ONLY)) {
            status = new Migrator(db, migrationSource()).status();
        }
        if (json) {
            printJson(toJson(status));
        } else {
            TextTable t = new TextTable("VERSION", "NAME", "STATE", "APPLIED AT", "DURATION");
            for (MigrationStatus m : status.migrations()) {
                t.row(m.version(), m.name(), m.state().label(), m.appliedAt(), m.durationMs() == null ? null : m.durationMs() + " ms");
            }
            t.print(out());
            out().println();
            out().printf("version %d: %d applied, %d pending, %d modified, %d missing%n", status.version(),
                    status.count(MigrationState.APPLIED), status.count(MigrationState.PENDING),
                    status.count(MigrationState.MODIFIED), status.count(MigrationState.MISSING));
        }
        if (check && (status.count(MigrationState.PENDING) > 0 || status.count(MigrationState.MODIFIED) > 0)) {
            note("litectl: migration-status: " + status.count(MigrationState.PENDING) + " pending, "
                    + status.count(MigrationState.MODIFIED) + " modified");
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> toJson(StatusResult status) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("database", databasePath().toString());
        root.put("source", migrationSource().description());
        root.put("version", status.version());
        root.put("user_version", status.userVersion());
        List<Map<String, Object>> list = new ArrayList<>();
        for (MigrationStatus m : status.migrations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", m.version());
            row.put("name", m.name());
            row.put("state", m.state().label());
            row.put("applied_at", m.appliedAt());
            row.put("duration_ms", m.durationMs());
            row.put("source", m.source());
            row.put("has_down", m.hasDown());
            list.add(row);
        }
        root.put("migrations", list);
        return root;
    }
}
