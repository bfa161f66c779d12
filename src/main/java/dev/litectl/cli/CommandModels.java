package dev.litectl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's model of litectl's commands, written by {@code CommandModelGenerator} from their annotations
 * (scripts/regenerate.sh); do not edit. Building it reads no annotations, which is most of picocli's cost at
 * start-up. {@code CommandModelsTest} holds it equal to the annotated model.
 */
final class CommandModels {
    private CommandModels() {}

    /** The model of {@code command}: the generated one, else the one picocli reads from its annotations. */
    static CommandSpec of(Object command) {
        if (command instanceof Main c) {
            return main(c);
        }
        if (command instanceof InitCommand c) {
            return initCommand(c);
        }
        if (command instanceof NewCommand c) {
            return newCommand(c);
        }
        if (command instanceof MigrateCommand c) {
            return migrateCommand(c);
        }
        // RollbackCommand keeps its annotated model: argument groups
        if (command instanceof MigrationStatusCommand c) {
            return migrationStatusCommand(c);
        }
        if (command instanceof VacuumCommand c) {
            return vacuumCommand(c);
        }
        if (command instanceof BackupCommand c) {
            return backupCommand(c);
        }
        if (command instanceof RestoreCommand c) {
            return restoreCommand(c);
        }
        if (command instanceof RecoverCommand c) {
            return recoverCommand(c);
        }
        if (command instanceof CheckCommand c) {
            return checkCommand(c);
        }
        if (command instanceof InfoCommand c) {
            return infoCommand(c);
        }
        if (command instanceof QueryCommand c) {
            return queryCommand(c);
        }
        if (command instanceof ReplCommand c) {
            return replCommand(c);
        }
        if (command instanceof StressTestCommand c) {
            return stressTestCommand(c);
        }
        if (command instanceof MaintainCommand c) {
            return maintainCommand(c);
        }
        if (command instanceof CompletionCommand c) {
            return completionCommand(c);
        }
        return CommandSpec.forAnnotatedObject(command);
    }

    private static CommandSpec main(Main c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("litectl");
        s.versionProvider(new VersionProvider());
        s.usageMessage()
                .description("Admin tool for the SQLite databases of local applications: schema, migrations, backups, recovery, ad-hoc queries and load tests.")
                .footer("  litectl init                          create ./data/litectl.db with the built-in agent schema",
                        "  litectl --db app.db migrate           apply pending migrations from ./migrations",
                        "  litectl migration-status --format json",
                        "",
                        "Exit codes: 0 ok, 1 failed, 2 usage error, 3 a check found something, 4 database locked, 130 interrupted.")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        c.globals = new GlobalOptions();
        CommandSpec globals = CommandSpec.wrapWithoutInspection(c.globals);
        globals.addOption(OptionSpec.builder("--db")
                .paramLabel("PATH")
                .description("Database file (default: $LITECTL_DB, else DATABASE_URL=sqlite:///path, else ./data/litectl.db).")
                .scopeType(CommandLine.ScopeType.INHERIT)
                .type(String.class)
                .hasInitialValue(true).initialValue(get(0, c.globals)).getter(new FieldBinding(0, c.globals)).setter(new FieldBinding(0, c.globals))
                .build());
        globals.addOption(OptionSpec.builder("--migrations")
                .paramLabel("DIR")
                .description("Migrations folder (default: $LITECTL_MIGRATIONS, else ./migrations if it exists, else the built-in schema).")
                .scopeType(CommandLine.ScopeType.INHERIT)
                .type(String.class)
                .hasInitialValue(true).initialValue(get(1, c.globals)).getter(new FieldBinding(1, c.globals)).setter(new FieldBinding(1, c.globals))
                .build());
        globals.addOption(OptionSpec.builder("--format")
                .paramLabel("FMT")
                .description("Output format: ${COMPLETION-CANDIDATES} (default: table on a terminal; csv for query otherwise).")
                .scopeType(CommandLine.ScopeType.INHERIT)
                .type(dev.litectl.query.OutputFormat.class)
                .hasInitialValue(true).initialValue(get(2, c.globals)).getter(new FieldBinding(2, c.globals)).setter(new FieldBinding(2, c.globals))
                .build());
        globals.addOption(OptionSpec.builder("--busy-timeout")
                .paramLabel("MS")
                .description("How long to wait for another writer, in milliseconds (default: 5000).")
                .scopeType(CommandLine.ScopeType.INHERIT)
                .type(Integer.class)
                .hasInitialValue(true).initialValue(get(3, c.globals)).getter(new FieldBinding(3, c.globals)).setter(new FieldBinding(3, c.globals))
                .build());
        globals.addOption(OptionSpec.builder("-v", "--verbose")
                .paramLabel("<verbose>")
                .description("Show detail and stack traces.")
                .scopeType(CommandLine.ScopeType.INHERIT)
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(4, c.globals)).getter(new FieldBinding(4, c.globals)).setter(new FieldBinding(4, c.globals))
                .build());
        globals.addOption(OptionSpec.builder("-q", "--quiet")
                .paramLabel("<quiet>")
                .description("Print nothing but results and errors.")
                .scopeType(CommandLine.ScopeType.INHERIT)
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(5, c.globals)).getter(new FieldBinding(5, c.globals)).setter(new FieldBinding(5, c.globals))
                .build());
        globals.addOption(OptionSpec.builder("--no-color")
                .paramLabel("<noColor>")
                .description("Never colour the output.")
                .scopeType(CommandLine.ScopeType.INHERIT)
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(6, c.globals)).getter(new FieldBinding(6, c.globals)).setter(new FieldBinding(6, c.globals))
                .build());
        s.addMixin("globals", globals);
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec initCommand(InitCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("init");
        s.usageMessage()
                .description("Create the database (and its folder), apply every migration, verify the schema they declare, print a summary.")
                .footer("  litectl init                              ./data/litectl.db with the built-in agent schema",
                        "  litectl --db app.db --migrations db/ init",
                        "  litectl init --if-not-exists              succeed on an existing database (applying what is pending)")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--if-not-exists")
                .paramLabel("<ifNotExists>")
                .description("Accept an existing database: apply pending migrations and verify instead of refusing.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(7, c)).getter(new FieldBinding(7, c)).setter(new FieldBinding(7, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec newCommand(NewCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("new");
        s.usageMessage()
                .description("Write the next NNN-name.sql migration template into the migrations folder.",
                        "Without a migrations folder, ./migrations is created with a copy of the built-in schema first.")
                .footer("  litectl new add-users            ./migrations/001-add-users.sql (or the next number)",
                        "  litectl --migrations db/migrations new add_index")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addPositional(PositionalParamSpec.builder()
                .index("0+")
                .paramLabel("NAME")
                .description("What the migration does: letters, digits, '-' and '_'.")
                .required(true)
                .type(String.class)
                .hasInitialValue(true).initialValue(get(8, c)).getter(new FieldBinding(8, c)).setter(new FieldBinding(8, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec migrateCommand(MigrateCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("migrate");
        s.usageMessage()
                .description("Apply pending migrations in version order, each in its own transaction; creates the database if needed.")
                .footer("  litectl migrate",
                        "  litectl migrate --dry-run           run the pending migrations in a transaction, then roll it back",
                        "  litectl migrate --to 5 --backup     apply up to version 5, copying the database first")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--to")
                .paramLabel("V")
                .description("Apply pending migrations up to and including version V.")
                .type(Long.class)
                .hasInitialValue(true).initialValue(get(9, c)).getter(new FieldBinding(9, c)).setter(new FieldBinding(9, c))
                .build());
        s.addOption(OptionSpec.builder("--dry-run")
                .paramLabel("<dryRun>")
                .description("Run the pending migrations inside a transaction and roll it back: finds the errors, writes nothing.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(10, c)).getter(new FieldBinding(10, c)).setter(new FieldBinding(10, c))
                .build());
        s.addOption(OptionSpec.builder("--backup")
                .paramLabel("<backup>")
                .description("Copy the database (online backup) before the first change, to DB.before-migrate-TIMESTAMP.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(11, c)).getter(new FieldBinding(11, c)).setter(new FieldBinding(11, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec migrationStatusCommand(MigrationStatusCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("migration-status");
        s.usageMessage()
                .description("List every migration with its state: applied, pending, modified or missing.")
                .footer("  litectl migration-status",
                        "  litectl migration-status --check          exit 3 when anything is pending or modified",
                        "  litectl migration-status --format json | jq '.migrations[] | select(.state != \"applied\")'")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--check")
                .paramLabel("<check>")
                .description("Exit 3 when any migration is pending or modified.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(12, c)).getter(new FieldBinding(12, c)).setter(new FieldBinding(12, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec vacuumCommand(VacuumCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("vacuum");
        s.usageMessage()
                .description("Reclaim free space (VACUUM, VACUUM INTO a new file, or incremental); report size and free pages before and after.")
                .footer("  litectl vacuum --analyze",
                        "  litectl vacuum --into compact.db          write a compacted copy; the database is not changed",
                        "  litectl vacuum --incremental              when auto_vacuum=INCREMENTAL")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--into")
                .paramLabel("PATH")
                .description("Write a vacuumed copy to PATH (a new file) instead of vacuuming in place.")
                .type(String.class)
                .hasInitialValue(true).initialValue(get(13, c)).getter(new FieldBinding(13, c)).setter(new FieldBinding(13, c))
                .build());
        s.addOption(OptionSpec.builder("--incremental")
                .paramLabel("<incremental>")
                .description("Free the pages on the freelist (needs auto_vacuum=INCREMENTAL).")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(14, c)).getter(new FieldBinding(14, c)).setter(new FieldBinding(14, c))
                .build());
        s.addOption(OptionSpec.builder("--analyze")
                .paramLabel("<analyze>")
                .description("Run ANALYZE and PRAGMA optimize afterwards.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(15, c)).getter(new FieldBinding(15, c)).setter(new FieldBinding(15, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec backupCommand(BackupCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("backup");
        s.usageMessage()
                .description("Copy the live database consistently while others keep reading and writing; the target never holds a partial file.")
                .footer("  litectl backup --to backups/app.db --verify",
                        "  litectl backup --to backups/ --keep 7     backups/NAME-YYYYMMDDTHHMMSSZ.db, keep the 7 newest",
                        "  litectl backup --to nightly.db --force --format json")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--to")
                .paramLabel("PATH|DIR")
                .description("Target file, or an existing folder (the backup is named NAME-YYYYMMDDTHHMMSSZ.db there).")
                .required(true)
                .type(String.class)
                .hasInitialValue(true).initialValue(get(16, c)).getter(new FieldBinding(16, c)).setter(new FieldBinding(16, c))
                .build());
        s.addOption(OptionSpec.builder("--keep")
                .paramLabel("N")
                .description("With a folder target: keep only the N newest backups of this database (after the new one is complete).")
                .type(Integer.class)
                .hasInitialValue(true).initialValue(get(17, c)).getter(new FieldBinding(17, c)).setter(new FieldBinding(17, c))
                .build());
        s.addOption(OptionSpec.builder("--verify")
                .paramLabel("<verify>")
                .description("Open the copy, run integrity_check and compare every table's row count with the source as of the backup.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(18, c)).getter(new FieldBinding(18, c)).setter(new FieldBinding(18, c))
                .build());
        s.addOption(OptionSpec.builder("--force")
                .paramLabel("<force>")
                .description("Replace an existing target file (atomically: a failed run leaves the old one).")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(19, c)).getter(new FieldBinding(19, c)).setter(new FieldBinding(19, c))
                .build());
        s.addOption(OptionSpec.builder("--compact")
                .paramLabel("<compact>")
                .description("Copy with VACUUM INTO: smaller and defragmented, but slower.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(20, c)).getter(new FieldBinding(20, c)).setter(new FieldBinding(20, c))
                .build());
        s.addOption(OptionSpec.builder("--method")
                .paramLabel("M")
                .description("How to copy: snapshot-copy (default), online-backup or vacuum-into.")
                .type(String.class)
                .hasInitialValue(true).initialValue(get(21, c)).getter(new FieldBinding(21, c)).setter(new FieldBinding(21, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec restoreCommand(RestoreCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("restore");
        s.usageMessage()
                .description("Replace the database by a verified backup, keeping the old database (and its -wal/-shm) aside.")
                .footer("  litectl restore --from backups/litectl-20260101T030000Z.db",
                        "  litectl --db app.db restore --from app-backup.db --format json")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--from")
                .paramLabel("PATH")
                .description("The backup to restore (checked with integrity_check first).")
                .required(true)
                .type(String.class)
                .hasInitialValue(true).initialValue(get(22, c)).getter(new FieldBinding(22, c)).setter(new FieldBinding(22, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec recoverCommand(RecoverCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("recover");
        s.usageMessage()
                .description("Salvage every readable row of a damaged database into a new one.",
                        "Reads the SQLite file format directly (and the committed frames of its -wal file); never writes to the input. Rows of pages that no table reaches go into lost_and_found.")
                .footer("  litectl --db damaged.db recover --to salvaged.db",
                        "  litectl --db damaged.db recover --to salvaged.db --force --format json",
                        "",
                        "Exit 0 when the input was read as SQLite (the report says what was recovered), 1 when it is not a SQLite file at all or the target is refused.")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--to")
                .paramLabel("PATH")
                .description("The new database to write.")
                .required(true)
                .type(java.nio.file.Path.class)
                .hasInitialValue(true).initialValue(get(23, c)).getter(new FieldBinding(23, c)).setter(new FieldBinding(23, c))
                .build());
        s.addOption(OptionSpec.builder("--force")
                .paramLabel("<force>")
                .description("Replace the target if it exists.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(24, c)).getter(new FieldBinding(24, c)).setter(new FieldBinding(24, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec checkCommand(CheckCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("check");
        s.usageMessage()
                .description("Check integrity, foreign keys, pending and modified migrations, and that the history agrees with user_version; exit 3 on any finding.")
                .footer("  litectl check",
                        "  litectl check --quick --format json       quick_check instead of integrity_check")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--quick")
                .paramLabel("<quick>")
                .description("Run quick_check (faster, skips index content checks) instead of integrity_check.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(25, c)).getter(new FieldBinding(25, c)).setter(new FieldBinding(25, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec infoCommand(InfoCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("info");
        s.usageMessage()
                .description("Describe the database: page size, pages, free pages, encoding, journal mode, user_version, WAL size, and every table and index with rows and bytes on disk.")
                .footer("  litectl info",
                        "  litectl info --format json | jq '.objects | sort_by(-.bytes) | .[0:5]'")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec queryCommand(QueryCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("query");
        s.usageMessage()
                .description("Run SQL (argument, --file or stdin) and stream the rows of each statement in --format.")
                .footer("  litectl query 'SELECT id, name FROM sessions LIMIT 5'",
                        "  litectl query --format json --param id=42 'SELECT * FROM messages WHERE session_id = :id'",
                        "  litectl query --file report.sql --read-only --timeout 30 > report.csv",
                        "  litectl query --explain 'SELECT * FROM messages WHERE session_id = 1'",
                        "",
                        "Default format: table on a terminal, csv otherwise. --timeout stops with exit code 130.")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addPositional(PositionalParamSpec.builder()
                .index("0")
                .arity("0..1")
                .paramLabel("SQL")
                .description("The SQL to run (default: --file, else stdin).")
                .type(String.class)
                .hasInitialValue(true).initialValue(get(26, c)).getter(new FieldBinding(26, c)).setter(new FieldBinding(26, c))
                .build());
        s.addOption(OptionSpec.builder("--file")
                .paramLabel("F")
                .description("Read the SQL from this file.")
                .type(String.class)
                .hasInitialValue(true).initialValue(get(27, c)).getter(new FieldBinding(27, c)).setter(new FieldBinding(27, c))
                .build());
        s.addOption(OptionSpec.builder("--param")
                .paramLabel("NAME=VALUE")
                .description("Bind :NAME, @NAME or $NAME (or ?N for NAME=N); decimal integers bind as INTEGER, anything else as TEXT.")
                .type(java.util.Map.class)
                .auxiliaryTypes(String.class, String.class)
                .hasInitialValue(true).initialValue(get(28, c)).getter(new FieldBinding(28, c)).setter(new FieldBinding(28, c))
                .build());
        s.addOption(OptionSpec.builder("--read-only")
                .paramLabel("<readOnly>")
                .description("Open the database (and anything it attaches) read-only.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(29, c)).getter(new FieldBinding(29, c)).setter(new FieldBinding(29, c))
                .build());
        s.addOption(OptionSpec.builder("--timeout")
                .paramLabel("S")
                .description("Stop a statement after S seconds (exit code 130).")
                .type(Double.class)
                .hasInitialValue(true).initialValue(get(30, c)).getter(new FieldBinding(30, c)).setter(new FieldBinding(30, c))
                .build());
        s.addOption(OptionSpec.builder("--explain")
                .paramLabel("<explain>")
                .description("Print the EXPLAIN QUERY PLAN of each statement as a tree instead of running it.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(31, c)).getter(new FieldBinding(31, c)).setter(new FieldBinding(31, c))
                .build());
        s.addOption(OptionSpec.builder("--no-header")
                .paramLabel("<noHeader>")
                .description("Leave out the header row.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(32, c)).getter(new FieldBinding(32, c)).setter(new FieldBinding(32, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec replCommand(ReplCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("repl");
        s.usageMessage()
                .description("The interactive SQL shell: history, multi-line statements, schema-aware completion, dot-commands.")
                .footer("  litectl repl",
                        "  litectl --db app.db repl --read-only",
                        "",
                        "History is kept in $LITECTL_HISTORY, else ~/.litectl_history. Type .help inside for the dot-commands.")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--read-only")
                .paramLabel("<readOnly>")
                .description("Open the database (and anything it attaches) read-only.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(33, c)).getter(new FieldBinding(33, c)).setter(new FieldBinding(33, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec stressTestCommand(StressTestCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("stress-test");
        s.usageMessage()
                .description("Concurrent load on the built-in agent schema: throughput and latency percentiles per operation, busy retries, then a proof that nothing was lost (integrity_check, and every acknowledged write read back).",
                        "Runs on a fresh temporary database by default; with --db on a temporary copy of it, unless --in-place.",
                        "Exit codes: 0 ok; 1 a write was lost, the integrity check failed or an operation failed; 2 bad option; 3 --profile missed a target.")
                .footer("  litectl stress-test --duration 30 --writers 4 --readers 4 --processes 2",
                        "  litectl stress-test --workload messages --format json",
                        "  litectl stress-test --layer jdbc                           the same load through plain JDBC",
                        "  litectl --db app.db stress-test --workload cache          on a copy of app.db",
                        "  litectl stress-test --profile                              the seeds' latency targets on 1M-row tables")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--duration")
                .paramLabel("S")
                .description("Seconds of load (decimals allowed; default: ${DEFAULT-VALUE}).")
                .defaultValue("10")
                .type(double.class)
                .hasInitialValue(true).initialValue(get(34, c)).getter(new FieldBinding(34, c)).setter(new FieldBinding(34, c))
                .build());
        s.addOption(OptionSpec.builder("--writers")
                .paramLabel("N")
                .description("Writer threads per process, each with its own connection (default: ${DEFAULT-VALUE}).")
                .defaultValue("2")
                .type(int.class)
                .hasInitialValue(true).initialValue(get(35, c)).getter(new FieldBinding(35, c)).setter(new FieldBinding(35, c))
                .build());
        s.addOption(OptionSpec.builder("--readers")
                .paramLabel("N")
                .description("Reader threads per process, each with its own connection (default: ${DEFAULT-VALUE}).")
                .defaultValue("2")
                .type(int.class)
                .hasInitialValue(true).initialValue(get(36, c)).getter(new FieldBinding(36, c)).setter(new FieldBinding(36, c))
                .build());
        s.addOption(OptionSpec.builder("--processes")
                .paramLabel("P")
                .description("Processes sharing the database: this one and P-1 more litectl processes (default: ${DEFAULT-VALUE}).")
                .defaultValue("1")
                .type(int.class)
                .hasInitialValue(true).initialValue(get(37, c)).getter(new FieldBinding(37, c)).setter(new FieldBinding(37, c))
                .build());
        s.addOption(OptionSpec.builder("--workload")
                .paramLabel("W")
                .description("sessions, messages, cache, telemetry or mixed (default: ${DEFAULT-VALUE}).")
                .defaultValue("mixed")
                .type(String.class)
                .hasInitialValue(true).initialValue(get(38, c)).getter(new FieldBinding(38, c)).setter(new FieldBinding(38, c))
                .build());
        s.addOption(OptionSpec.builder("--layer")
                .paramLabel("L")
                .description("What the workloads go through: store (litectl's typed store API, as an application embeds it) or jdbc (plain prepared statements, the reference; default: ${DEFAULT-VALUE}).")
                .defaultValue("store")
                .type(String.class)
                .hasInitialValue(true).initialValue(get(39, c)).getter(new FieldBinding(39, c)).setter(new FieldBinding(39, c))
                .build());
        s.addOption(OptionSpec.builder("--in-place")
                .paramLabel("<inPlace>")
                .description("Work on the --db file itself instead of a temporary copy (it must have the built-in schema).")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(40, c)).getter(new FieldBinding(40, c)).setter(new FieldBinding(40, c))
                .build());
        s.addOption(OptionSpec.builder("--seed")
                .paramLabel("X")
                .description("Random seed: the same seed makes the same choices of operations and values (default: ${DEFAULT-VALUE}).")
                .defaultValue("1")
                .type(long.class)
                .hasInitialValue(true).initialValue(get(41, c)).getter(new FieldBinding(41, c)).setter(new FieldBinding(41, c))
                .build());
        s.addOption(OptionSpec.builder("--profile")
                .paramLabel("<profile>")
                .description("Instead of the load: the seeds' latency targets, single-threaded on generated data of realistic size; exit 3 on a miss.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(42, c)).getter(new FieldBinding(42, c)).setter(new FieldBinding(42, c))
                .build());
        s.addOption(OptionSpec.builder("--scale")
                .paramLabel("F")
                .description("With --profile: size of the generated data relative to 1M telemetry rows, 100k sessions, 1M messages (default: ${DEFAULT-VALUE}).")
                .defaultValue("1")
                .type(double.class)
                .hasInitialValue(true).initialValue(get(43, c)).getter(new FieldBinding(43, c)).setter(new FieldBinding(43, c))
                .build());
        s.addOption(OptionSpec.builder("--worker")
                .paramLabel("<worker>")
                .hidden(true)
                .type(Integer.class)
                .hasInitialValue(true).initialValue(get(44, c)).getter(new FieldBinding(44, c)).setter(new FieldBinding(44, c))
                .build());
        s.addOption(OptionSpec.builder("--run-tag")
                .paramLabel("<runTag>")
                .hidden(true)
                .type(String.class)
                .hasInitialValue(true).initialValue(get(45, c)).getter(new FieldBinding(45, c)).setter(new FieldBinding(45, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec maintainCommand(MaintainCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("maintain");
        s.usageMessage()
                .description("The one cron line: purge expired cache entries, archive (or delete) telemetry and audit rows older than --retain days, PRAGMA optimize, incremental vacuum. Each step reports what it did; a failed step leaves the others' work in place and makes the exit code 1.")
                .footer("  litectl maintain                     archive rows older than 30 days",
                        "  litectl maintain --retain 7 --delete delete rows older than a week",
                        "  litectl maintain --format json       the report with counts per step",
                        "  crontab: 0 3 * * * litectl --db /srv/app.db maintain >/dev/null")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addOption(OptionSpec.builder("--retain")
                .paramLabel("DAYS")
                .description("Keep telemetry and audit rows younger than DAYS days (default: ${DEFAULT-VALUE}).")
                .type(int.class)
                .hasInitialValue(true).initialValue(get(46, c)).getter(new FieldBinding(46, c)).setter(new FieldBinding(46, c))
                .build());
        s.addOption(OptionSpec.builder("--delete")
                .paramLabel("<delete>")
                .description("Delete old telemetry and audit rows instead of moving them to the archive tables.")
                .type(boolean.class)
                .hasInitialValue(true).initialValue(get(47, c)).getter(new FieldBinding(47, c)).setter(new FieldBinding(47, c))
                .build());
        s.addOption(OptionSpec.builder("--backup-to")
                .paramLabel("DIR")
                .description("Last step: a verified online backup into folder DIR (created if missing), named NAME-TIMESTAMP.db.")
                .type(java.nio.file.Path.class)
                .hasInitialValue(true).initialValue(get(48, c)).getter(new FieldBinding(48, c)).setter(new FieldBinding(48, c))
                .build());
        s.addOption(OptionSpec.builder("--keep")
                .paramLabel("N")
                .description("With --backup-to: keep the N newest backups of this database in DIR, delete older ones.")
                .type(Integer.class)
                .hasInitialValue(true).initialValue(get(49, c)).getter(new FieldBinding(49, c)).setter(new FieldBinding(49, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    private static CommandSpec completionCommand(CompletionCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        s.name("completion");
        s.usageMessage()
                .description("Print a shell completion script for bash or zsh.")
                .footer("  source <(litectl completion bash)                       in ~/.bashrc",
                        "  litectl completion bash > ~/.local/share/bash-completion/completions/litectl",
                        "  source <(litectl completion zsh)                        in ~/.zshrc")
                .footerHeading("%nExamples:%n")
                .sortOptions(false)
                .autoWidth(true);
        s.addPositional(PositionalParamSpec.builder()
                .index("0+")
                .paramLabel("SHELL")
                .description("bash or zsh.")
                .required(true)
                .type(String.class)
                .completionCandidates(new CompletionCommand.Shells())
                .hasInitialValue(true).initialValue(get(50, c)).getter(new FieldBinding(50, c)).setter(new FieldBinding(50, c))
                .build());
        addStandardHelpOptions(s);
        c.spec = s;
        return s;
    }

    /** picocli's --help and --version, as {@code mixinStandardHelpOptions} adds them. */
    private static void addStandardHelpOptions(CommandSpec s) {
        s.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .paramLabel("<helpRequested>")
                .description("Show this help message and exit.")
                .descriptionKey("mixinStandardHelpOptions.help")
                .type(boolean.class).hasInitialValue(true).initialValue(false)
                .build());
        s.addOption(OptionSpec.builder("-V", "--version")
                .versionHelp(true)
                .paramLabel("<versionRequested>")
                .description("Print version information and exit.")
                .descriptionKey("mixinStandardHelpOptions.version")
                .type(boolean.class).hasInitialValue(true).initialValue(false)
                .build());
    }

    /** The value of field number {@code field} of {@code owner} (see {@link FieldBinding}). */
    @SuppressWarnings("unchecked")
    static <T> T get(int field, Object owner) {
        return (T) switch (field) {
            case 0 -> ((GlobalOptions) owner).db;
            case 1 -> ((GlobalOptions) owner).migrations;
            case 2 -> ((GlobalOptions) owner).format;
            case 3 -> ((GlobalOptions) owner).busyTimeout;
            case 4 -> ((GlobalOptions) owner).verbose;
            case 5 -> ((GlobalOptions) owner).quiet;
            case 6 -> ((GlobalOptions) owner).noColor;
            case 7 -> ((InitCommand) owner).ifNotExists;
            case 8 -> ((NewCommand) owner).name;
            case 9 -> ((MigrateCommand) owner).to;
            case 10 -> ((MigrateCommand) owner).dryRun;
            case 11 -> ((MigrateCommand) owner).backup;
            case 12 -> ((MigrationStatusCommand) owner).check;
            case 13 -> ((VacuumCommand) owner).into;
            case 14 -> ((VacuumCommand) owner).incremental;
            case 15 -> ((VacuumCommand) owner).analyze;
            case 16 -> ((BackupCommand) owner).to;
            case 17 -> ((BackupCommand) owner).keep;
            case 18 -> ((BackupCommand) owner).verify;
            case 19 -> ((BackupCommand) owner).force;
            case 20 -> ((BackupCommand) owner).compact;
            case 21 -> ((BackupCommand) owner).method;
            case 22 -> ((RestoreCommand) owner).from;
            case 23 -> ((RecoverCommand) owner).to;
            case 24 -> ((RecoverCommand) owner).force;
            case 25 -> ((CheckCommand) owner).quick;
            case 26 -> ((QueryCommand) owner).sql;
            case 27 -> ((QueryCommand) owner).file;
            case 28 -> ((QueryCommand) owner).params;
            case 29 -> ((QueryCommand) owner).readOnly;
            case 30 -> ((QueryCommand) owner).timeout;
            case 31 -> ((QueryCommand) owner).explain;
            case 32 -> ((QueryCommand) owner).noHeader;
            case 33 -> ((ReplCommand) owner).readOnly;
            case 34 -> ((StressTestCommand) owner).duration;
            case 35 -> ((StressTestCommand) owner).writers;
            case 36 -> ((StressTestCommand) owner).readers;
            case 37 -> ((StressTestCommand) owner).processes;
            case 38 -> ((StressTestCommand) owner).workload;
            case 39 -> ((StressTestCommand) owner).layer;
            case 40 -> ((StressTestCommand) owner).inPlace;
            case 41 -> ((StressTestCommand) owner).seed;
            case 42 -> ((StressTestCommand) owner).profile;
            case 43 -> ((StressTestCommand) owner).scale;
            case 44 -> ((StressTestCommand) owner).worker;
            case 45 -> ((StressTestCommand) owner).runTag;
            case 46 -> ((MaintainCommand) owner).retainDays;
            case 47 -> ((MaintainCommand) owner).delete;
            case 48 -> ((MaintainCommand) owner).backupTo;
            case 49 -> ((MaintainCommand) owner).keep;
            case 50 -> ((CompletionCommand) owner).shell;
            default -> throw new IllegalArgumentException("no field " + field);
        };
    }

    /** Sets field number {@code field} of {@code owner} to {@code value}. */
    @SuppressWarnings("unchecked")
    static void set(int field, Object owner, Object value) {
        switch (field) {
            case 0 -> ((GlobalOptions) owner).db = (String) value;
            case 1 -> ((GlobalOptions) owner).migrations = (String) value;
            case 2 -> ((GlobalOptions) owner).format = (dev.litectl.query.OutputFormat) value;
            case 3 -> ((GlobalOptions) owner).busyTimeout = (Integer) value;
            case 4 -> ((GlobalOptions) owner).verbose = (Boolean) value;
            case 5 -> ((GlobalOptions) owner).quiet = (Boolean) value;
            case 6 -> ((GlobalOptions) owner).noColor = (Boolean) value;
            case 7 -> ((InitCommand) owner).ifNotExists = (Boolean) value;
            case 8 -> ((NewCommand) owner).name = (String) value;
            case 9 -> ((MigrateCommand) owner).to = (Long) value;
            case 10 -> ((MigrateCommand) owner).dryRun = (Boolean) value;
            case 11 -> ((MigrateCommand) owner).backup = (Boolean) value;
            case 12 -> ((MigrationStatusCommand) owner).check = (Boolean) value;
            case 13 -> ((VacuumCommand) owner).into = (String) value;
            case 14 -> ((VacuumCommand) owner).incremental = (Boolean) value;
            case 15 -> ((VacuumCommand) owner).analyze = (Boolean) value;
            case 16 -> ((BackupCommand) owner).to = (String) value;
            case 17 -> ((BackupCommand) owner).keep = (Integer) value;
            case 18 -> ((BackupCommand) owner).verify = (Boolean) value;
            case 19 -> ((BackupCommand) owner).force = (Boolean) value;
            case 20 -> ((BackupCommand) owner).compact = (Boolean) value;
            case 21 -> ((BackupCommand) owner).method = (String) value;
            case 22 -> ((RestoreCommand) owner).from = (String) value;
            case 23 -> ((RecoverCommand) owner).to = (java.nio.file.Path) value;
            case 24 -> ((RecoverCommand) owner).force = (Boolean) value;
            case 25 -> ((CheckCommand) owner).quick = (Boolean) value;
            case 26 -> ((QueryCommand) owner).sql = (String) value;
            case 27 -> ((QueryCommand) owner).file = (String) value;
            case 28 -> ((QueryCommand) owner).params = (java.util.Map<String, String>) value;
            case 29 -> ((QueryCommand) owner).readOnly = (Boolean) value;
            case 30 -> ((QueryCommand) owner).timeout = (Double) value;
            case 31 -> ((QueryCommand) owner).explain = (Boolean) value;
            case 32 -> ((QueryCommand) owner).noHeader = (Boolean) value;
            case 33 -> ((ReplCommand) owner).readOnly = (Boolean) value;
            case 34 -> ((StressTestCommand) owner).duration = (Double) value;
            case 35 -> ((StressTestCommand) owner).writers = (Integer) value;
            case 36 -> ((StressTestCommand) owner).readers = (Integer) value;
            case 37 -> ((StressTestCommand) owner).processes = (Integer) value;
            case 38 -> ((StressTestCommand) owner).workload = (String) value;
            case 39 -> ((StressTestCommand) owner).layer = (String) value;
            case 40 -> ((StressTestCommand) owner).inPlace = (Boolean) value;
            case 41 -> ((StressTestCommand) owner).seed = (Long) value;
            case 42 -> ((StressTestCommand) owner).profile = (Boolean) value;
            case 43 -> ((StressTestCommand) owner).scale = (Double) value;
            case 44 -> ((StressTestCommand) owner).worker = (Integer) value;
            case 45 -> ((StressTestCommand) owner).runTag = (String) value;
            case 46 -> ((MaintainCommand) owner).retainDays = (Integer) value;
            case 47 -> ((MaintainCommand) owner).delete = (Boolean) value;
            case 48 -> ((MaintainCommand) owner).backupTo = (java.nio.file.Path) value;
            case 49 -> ((MaintainCommand) owner).keep = (Integer) value;
            case 50 -> ((CompletionCommand) owner).shell = (String) value;
            default -> throw new IllegalArgumentException("no field " + field);
        }
    }
}
