package dev.litectl.cli;

import dev.litectl.admin.Check;
import dev.litectl.admin.CheckFinding;
import dev.litectl.admin.CheckResult;
import dev.litectl.db.Database;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.migrate.HistoryTable;
import dev.litectl.migrate.MigrationState;
import dev.litectl.migrate.MigrationStatus;
import dev.litectl.migrate.Migrator;
import dev.litectl.migrate.StatusResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check",
        description = "Check integrity, foreign keys, pending and modified migrations, and that the history agrees with user_version; exit 3 on any finding.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl check",
            "  litectl check --quick --format json       quick_check instead of integrity_check"
        })
final class CheckCommand extends LitectlCommand {
    @Option(names = "--quick", description = "Run quick_check (faster, skips index content checks) instead of integrity_check.")
    boolean quick;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        CheckResult file = Check.run(databasePath(), quick, busyTimeoutMs());
        List<CheckFinding> findings = new ArrayList<>(file.findings());
        boolean damaged = !findings.isEmpty() && findings.stream().anyMatch(f -> f.kind().equals("integrity"));
        String migrations = damaged ? "not checked (the file is damaged)" : migrationFindings(findings);
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("database", file.database().toString());
            root.put("ok", findings.isEmpty());
            root.put("integrity_check", quick ? "quick_check" : "integrity_check");
            root.put("migrations", migrations);
            List<Map<String, Object>> list = new ArrayList<>();
            for (CheckFinding f : findings) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", f.kind());
                m.put("object", f.object());
                m.put("detail", f.detail());
                list.add(m);
            }
            root.put("findings", list);
            printJson(root);
        } else {
            if (findings.isEmpty()) {
                out().println("ok: " + (quick ? "quick_check" : "integrity_check") + ", foreign keys, migrations (" + migrations + ")");
            } else {
                TextTable t = new TextTable("KIND", "OBJECT", "DETAIL");
                findings.forEach(f -> t.row(f.kind(), f.object(), f.detail()));
                t.print(out());
            }
        }
        if (!findings.isEmpty()) {
            note("litectl: check: " + findings.size() + (findings.size() == 1 ? " finding" : " findings"));
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    /** Adds the migration engine's findings; returns what was checked, for the report. */
    private String migrationFindings(List<CheckFinding> findings) {
        try (Database db = open(OpenMode.READ_ONLY)) {
            boolean managed;
            try {
                managed = new HistoryTable(db).exists();
            } catch (SQLException e) {
                throw new LitectlException("check: cannot read the migration history: " + e.getMessage(), e);
            }
            if (!managed && migrationsDir() == null) {
                return "not checked (no " + HistoryTable.NAME + " table and no migrations folder)";
            }
            Migrator migrator = new Migrator(db, migrationSource());
            StatusResult status = migrator.status();
            for (MigrationStatus m : status.migrations()) {
                String id = m.version() + "-" + m.name();
                if (m.state() == MigrationState.PENDING) {
                    findings.add(new CheckFinding("pending_migration", id, "migration " + id + " is not applied"));
                } else if (m.state() == MigrationState.MODIFIED) {
                    findings.add(new CheckFinding("modified_migration", id, "migration " + id + " changed after it was applied (" + m.source() + ")"));
                } else if (m.state() == MigrationState.MISSING) {
                    findings.add(new CheckFinding("missing_migration", id, "migration " + id + " is applied but has no file"));
                }
            }
            if (!status.userVersionInStep()) {
                findings.add(new CheckFinding("user_version", null, "PRAGMA user_version is " + status.userVersion()
                        + " but the newest applied migration is " + status.version()));
            }
            return migrator.source().description();
        }
    }
}
