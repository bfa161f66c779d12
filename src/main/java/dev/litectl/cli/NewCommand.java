package dev.litectl.cli;

import dev.litectl.db.LitectlException;
import dev.litectl.migrate.MigrationFile;
import dev.litectl.migrate.MigrationSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "new",
        description = {"Write the next NNN-name.sql migration template into the migrations folder.",
            "Without a migrations folder, ./migrations is created with a copy of the built-in schema first."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl new add-users            ./migrations/001-add-users.sql (or the next number)",
            "  litectl --migrations db/migrations new add_index"
        })
final class NewCommand extends LitectlCommand {
    private static final long TIMESTAMP_VERSIONS = 10_000_000_000L;

    @Parameters(paramLabel = "NAME", description = "What the migration does: letters, digits, '-' and '_'.")
    String name;

    @Override
    public Integer call() {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw usage("migration name '" + name + "' may hold only letters, digits, '-' and '_'");
        }
        Path dir = migrationsDir();
        if (dir == null) {
            // no migrations folder: the database uses the built-in schema, so the project's folder starts as a
            // copy of it (same checksums, so history stays 'applied') and the new migration extends it
            dir = context().workDir().resolve("migrations");
            int copied = MigrationSource.builtin().exportTo(dir).size();
            note("litectl: new: copied the built-in schema (" + copied + " migrations) into " + dir
                    + " so that new migrations extend it");
        }
        List<MigrationFile> existing = Files.isDirectory(dir) ? MigrationSource.directory(dir).load() : List.of();
        long max = existing.stream().mapToLong(MigrationFile::version).max().orElse(0);
        String version;
        if (max >= TIMESTAMP_VERSIONS) {
            version = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
            if (Long.parseLong(version) <= max) {
                version = Long.toString(max + 1);
            }
        } else {
            int width = existing.stream().mapToInt(m -> Path.of(m.source()).getFileName().toString().indexOf(separator(m))).max().orElse(3);
            version = String.format("%0" + Math.max(3, width) + "d", max + 1);
        }
        String sep = existing.isEmpty() ? "-" : separator(existing.get(existing.size() - 1));
        Path file = dir.resolve(version + sep + name + ".sql");
        String template = "-- migrate:up\n\n\n-- migrate:down\n\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(file, template, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new LitectlException("new: cannot write " + file + ": " + e.getMessage(), e);
        }
        out().println(file);
        return ExitCodes.OK;
    }

    private static String separator(MigrationFile m) {
        String file = Path.of(m.source()).getFileName().toString();
        int dash = file.indexOf('-');
        int under = file.indexOf('_');
        if (dash < 0) {
            return "_";
        }
        return under >= 0 && under < dash ? "_" : "-";
    }
}
