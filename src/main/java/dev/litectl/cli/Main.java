package dev.litectl.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code litectl} command: global options, the subcommands, and the exit-code mapping. */
@Command(name = "litectl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Admin tool for the SQLite databases of local applications: schema, migrations, backups, "
                + "recovery, ad-hoc queries and load tests.",
        subcommands = {
            InitCommand.class,
            NewCommand.class,
            MigrateCommand.class,
            RollbackCommand.class,
            MigrationStatusCommand.class,
            // admin (issue 4): VacuumCommand, BackupCommand, RestoreCommand
            // recover (issue 7): RecoverCommand
            // admin (issue 4): CheckCommand, InfoCommand
            // query and REPL (issue 3): QueryCommand, ReplCommand
            // stress (issue 6): StressTestCommand
            // maintenance (issue 5): MaintainCommand
            CompletionCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl init                          create ./data/litectl.db with the built-in agent schema",
            "  litectl --db app.db migrate           apply pending migrations from ./migrations",
            "  litectl migration-status --format json",
            "",
            "Exit codes: 0 ok, 1 failed, 2 usage error, 3 a check found something, 4 database locked, 130 interrupted."
        })
public final class Main implements Callable<Integer> {
    @Mixin
    GlobalOptions globals;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    Main(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    GlobalOptions globals() {
        return globals;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("litectl: no command given (see 'litectl --help')");
        return ExitCodes.USAGE;
    }

    /**
     * The configured command line: the one factory that tests and {@link #main} share. Output goes to
     * {@code out} and {@code err}, which the caller flushes.
     */
    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        Main main = new Main(context);
        CommandLine cl = new CommandLine(main);
        ErrorHandler handler = new ErrorHandler(main.globals);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    /** Runs litectl with {@code args} and returns the exit code; output is flushed before it returns. */
    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        try {
            return commandLine(context, out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        SqliteLibraryCache.install();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = run(CliContext.system(), out, err, args);
        System.exit(code);
    }
}
