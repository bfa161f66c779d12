package dev.litectl.cli;

import dev.litectl.db.Database;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
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
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl init                          create ./data/litectl.db with the built-in agent schema",
            "  litectl --db app.db migrate           apply pending migrations from ./migrations",
            "  litectl migration-status --format json",
            "",
            "Exit codes: 0 ok, 1 failed, 2 usage error, 3 a check found something, 4 database locked, 130 interrupted."
        })
public final class Main implements Callable<Integer> {
    /**
     * The subcommands, in the order {@code --help} lists them. They are registered here rather than in
     * {@code @Command(subcommands = ...)} so that a run builds the model of the one command it runs, not of all
     * sixteen; {@link #subcommand} makes them.
     */
    static final List<String> SUBCOMMANDS = List.of("init", "new", "migrate", "rollback", "migration-status",
            "vacuum", "backup", "restore", "recover", "check", "info", "query", "repl", "stress-test", "maintain",
            "completion");

    /**
     * A new instance of the named subcommand. A switch, not a map of constructor references: the first lambda
     * of a run starts the JDK's method-handle machinery, about 10 ms that start-up need not pay here.
     */
    static Object subcommand(String name) {
        return switch (name) {
            case "init" -> new InitCommand();
            case "new" -> new NewCommand();
            case "migrate" -> new MigrateCommand();
            case "rollback" -> new RollbackCommand();
            case "migration-status" -> new MigrationStatusCommand();
            case "vacuum" -> new VacuumCommand();
            case "backup" -> new BackupCommand();
            case "restore" -> new RestoreCommand();
            case "recover" -> new RecoverCommand();
            case "check" -> new CheckCommand();
            case "info" -> new InfoCommand();
            case "query" -> new QueryCommand();
            case "repl" -> new ReplCommand();
            case "stress-test" -> new StressTestCommand();
            case "maintain" -> new MaintainCommand();
            case "completion" -> new CompletionCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

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
     * The configured command line with every subcommand: the model completion scripts, the native-image
     * metadata and {@code --help} are made from. Output goes to {@code out} and {@code err}, which the caller
     * flushes.
     */
    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        return configured(context, out, err, SUBCOMMANDS);
    }

    /**
     * The command line that runs {@code args}: the root and only the subcommand {@code args} name, or every
     * subcommand when they name none (help, the REPL, a misspelt command that needs suggestions) or name
     * {@code completion}, and none for {@code --version}. Parsing and output are the same as with
     * {@link #commandLine(CliContext, PrintWriter, PrintWriter)}; {@code LazyCommandModelTest} holds them equal.
     */
    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        String name = subcommandName(args);
        // completion scripts describe every command; the launcher's training run (-Dlitectl.train=true) loads
        // every command's classes so that its class-data archive holds them all
        boolean all = name == null || name.equals("completion") || Boolean.getBoolean("litectl.train");
        if (name == null && versionOnly(args)) {
            return configured(context, out, err, List.of()); // litectl --version needs no subcommand
        }
        return configured(context, out, err, all ? SUBCOMMANDS : List.of(name));
    }

    /**
     * The subcommand {@code args} run: the first argument that is not a global option or its value, if it
     * names a subcommand; null otherwise.
     */
    static String subcommandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null;
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                if (GLOBAL_OPTIONS_WITH_VALUE.contains(arg)) {
                    i++;
                }
                continue;
            }
            return SUBCOMMANDS.contains(arg) ? arg : null;
        }
        return null;
    }

    /** Whether {@code args} ask for the version and nothing that lists the subcommands. */
    private static boolean versionOnly(String[] args) {
        boolean version = false;
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return false;
            }
            version |= arg.equals("-V") || arg.equals("--version");
        }
        return version;
    }

    /** Whether {@code args} run a command that opens a database (not help, version or completion). */
    static boolean opensDatabase(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return false;
            }
        }
        String name = subcommandName(args);
        return name == null || !WITHOUT_DATABASE.contains(name);
    }

    /**
     * The root with the named subcommands, then configured (picocli passes settings only to subcommands it has).
     * The models are the generated ones ({@link CommandModels}), so that start-up reads no annotations.
     */
    private static CommandLine configured(CliContext context, PrintWriter out, PrintWriter err, List<String> names) {
        Main main = new Main(context);
        CommandLine cl = new CommandLine(CommandModels.of(main));
        for (String name : names) {
            cl.addSubcommand(name, CommandModels.of(subcommand(name)));
        }
        return configure(cl, main, out, err);
    }

    /** Sets litectl's output, parsing and error handling on {@code cl}, the command line of {@code main}. */
    static CommandLine configure(CommandLine cl, Main main, PrintWriter out, PrintWriter err) {
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
            return commandLine(context, out, err, args).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The global options that take a value (as separate argument; {@code --db=x} is one argument), so that
     * {@link #subcommandName} can skip values; {@code LazyCommandModelTest} holds it equal to {@link GlobalOptions}.
     */
    static final Set<String> GLOBAL_OPTIONS_WITH_VALUE =
            Set.of("--db", "--migrations", "--format", "--busy-timeout");

    /** Subcommands that never open a database, so start-up need not load SQLite for them. */
    private static final Set<String> WITHOUT_DATABASE = Set.of("new", "completion");

    /**
     * The types whose converters picocli need not register (its {@code picocli.converters.excludes}): it finds
     * the java.time and java.sql ones by reflection and initialises their classes, a fifth of its start-up, for
     * option types no litectl command has ({@code CommandModelsTest} holds that true).
     */
    static final String UNUSED_CONVERTERS = "java\\.(time|sql)\\..*";

    public static void main(String[] args) {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        }
        SqliteLibraryCache.install();
        if (opensDatabase(args)) {
            Database.warmUp(); // sqlite-jdbc's date formats on another thread while picocli builds its model
        }
        PrintWriter out = new StdoutWriter(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = run(CliContext.system(), out, err, args);
        System.exit(code);
    }
}
