package dev.litectl.cli;

import dev.litectl.db.Database;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import dev.litectl.migrate.MigrateResult;
import dev.litectl.migrate.MigrationSource;
import dev.litectl.migrate.Migrator;
import dev.litectl.migrate.SchemaVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init",
        description = "Create the database (and its folder), apply every migration, verify the schema they declare, print a summary.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl init                              ./data/litectl.db with the built-in agent schema",
            "  litectl --db app.db --migrations db/ init",
            "  litectl init --if-not-exists              succeed on an existing database (applying what is pending)"
        })
final class InitCommand extends LitectlCommand {
    @Option(names = "--if-not-exists", description = "Accept an existing database: apply pending migrations and verify instead of refusing.")
    boolean ifNotExists;

    @Override
    public Integer call() {
        boolean json = jsonReport();
        Path path = databasePath();
        MigrationSource source = migrationSource();
        var migrations = source.load(); // invalid migration files are refused before the database is touched
        int existing = existingObjects(path);
        if (existing > 0 && !ifNotExists) {
            throw new LitectlException("init: " + path + " already holds a database (" + existing
                    + " schema objects); use migrate, or init --if-not-exists");
        }
        boolean created = existing < 0;
        MigrateResult result;
        SchemaVerifier.Verification v;
        try (Database db = open(OpenMode.CREATE)) {
            Migrator migrator = new Migrator(db, source);
            result = migrator.migrate();
            v = SchemaVerifier.verify(db, migrations);
        }
        if (!v.missing().isEmpty()) {
            throw new LitectlException("init: verification failed: missing after migrating: " + v.missing().stream()
                    .map(o -> o.type() + " " + o.name()).collect(Collectors.joining(", ")));
        }
        if (!v.jsonWorks()) {
            throw new LitectlException("init: verification failed: this SQLite has no working JSON functions");
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("database", path.toString());
            root.put("created", created);
            root.put("source", source.description());
            root.put("version", result.toVersion());
            root.put("tables", v.tables());
            root.put("indexes", v.indexes());
            root.put("views", v.views());
            root.put("triggers", v.triggers());
            root.put("applied", StepsJson.of(result.applied()));
            printJson(root);
            return ExitCodes.OK;
        }
        out().println((created ? "created " : "initialized ") + path + " (" + source.description() + ")");
        new TextTable("", "")
                .row("version", result.toVersion())
                .row("migrations", result.applied().size() + " applied now")
                .row("tables", v.tables())
                .row("indexes", v.indexes())
                .row("views", v.views())
                .row("triggers", v.triggers())
                .row("verified", v.declared().size() + " declared objects present, JSON functions work")
                .print(out());
        return ExitCodes.OK;
    }

    /** -1 when there is no database yet (missing or empty file), else the number of schema objects. */
    private int existingObjects(Path path) {
        try {
            if (!Files.exists(path) || Files.isRegularFile(path) && Files.size(path) == 0) {
                return -1;
            }
        } catch (IOException e) {
            throw new LitectlException("init: cannot read " + path + ": " + e.getMessage(), e);
        }
        try (Database db = Database.open(path, OpenMode.READ_ONLY, busyTimeoutMs())) {
            return (int) db.queryLong("SELECT count(*) FROM sqlite_schema");
        } catch (SQLException e) {
            throw SqliteErrors.translate("init: cannot read " + path, e);
        }
    }
}
