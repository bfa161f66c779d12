package dev.litectl.cli;

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
            VacuumCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            RecoverCommand.class,
            CheckCommand.class,
            InfoCommand.class,
            QueryCommand.class,
            ReplCommand.class,
            StressTestCommand.class,
            MaintainCommand.class,
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

    /**
     * No command: the REPL when stdin is a terminal, otherwise stdin runs as a SQL script (like
     * {@code sqlite3 db < script.sql}). JLine is only loaded on the first path.
     */
    @Override
    public Integer call() {
        if (context.stdinIsTerminal()) {
            spec.commandLine().getOut().flush();
            return ReplCommand.start(context, globals, false);
        }
        try {
            return SqlRun.stdinScript(context, globals, false, spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
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
        PrintWriter out = new StdoutWriter(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = run(CliContext.system(), out, err, args);
        System.exit(code);
    }
}
