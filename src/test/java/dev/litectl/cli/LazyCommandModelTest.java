package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A run builds the model of the one subcommand it names ({@link Main#commandLine(CliContext, PrintWriter,
 * PrintWriter, String...)}); these tests hold that shortcut to the full model's behaviour.
 */
class LazyCommandModelTest {
    @TempDir
    Path dir;

    private CommandLine full() {
        return Main.commandLine(CliContext.of(System.in, Map.of(), dir), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    private CommandLine forArgs(String... args) {
        return Main.commandLine(CliContext.of(System.in, Map.of(), dir), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), args);
    }

    @Test
    void theRegistryNamesEachCommandByItsOwnAnnotation() {
        CommandLine root = full();
        assertEquals(16, root.getSubcommands().size());
        root.getSubcommands().forEach((name, sub) ->
                assertEquals(name, sub.getCommandSpec().name(), "registered as " + name));
    }

    @Test
    void theOptionsThatTakeAValueAreExactlyTheGlobalOnesWithAValue() {
        Set<String> fromModel = full().getCommandSpec().options().stream()
                .filter(o -> o.arity().min() > 0)
                .flatMap(o -> Arrays.stream(o.names()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fromModel, new TreeSet<>(Main.GLOBAL_OPTIONS_WITH_VALUE));
    }

    @Test
    void theSubcommandIsFoundPastGlobalOptionsAndTheirValues() {
        assertEquals("query", Main.subcommandName(new String[] {"query", "select 1"}));
        assertEquals("migrate", Main.subcommandName(new String[] {"--db", "query", "migrate"}));
        assertEquals("info", Main.subcommandName(new String[] {"--db=x.db", "-q", "--format", "json", "info"}));
        assertNull(Main.subcommandName(new String[] {"--db", "x.db"}));
        assertNull(Main.subcommandName(new String[] {"--help"}));
        assertNull(Main.subcommandName(new String[] {"qurey", "select 1"}));
        assertNull(Main.subcommandName(new String[] {"--", "query"}));
    }

    @Test
    void aRunNamingACommandBuildsOnlyThatCommandAndOtherwiseAll() {
        assertEquals(Set.of("backup"), forArgs("--db", "x.db", "backup", "--to", "b").getSubcommands().keySet());
        assertEquals(16, forArgs("--help").getSubcommands().size());
        assertEquals(16, forArgs("--version", "--help").getSubcommands().size());
        assertEquals(Set.of(), forArgs("--version").getSubcommands().keySet());
        assertEquals(16, forArgs().getSubcommands().size());
        assertEquals(16, forArgs("qurey").getSubcommands().size());
    }

    @Test
    void theOneCommandModelParsesLikeTheFullOne() {
        for (String name : Main.SUBCOMMANDS) {
            CommandLine lazy = forArgs(name).getSubcommands().get(name);
            CommandLine whole = full().getSubcommands().get(name);
            assertEquals(names(whole), names(lazy), name);
            assertEquals(whole.getUsageMessage(CommandLine.Help.Ansi.OFF), lazy.getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
    }

    @Test
    void aMisspeltCommandStillGetsSuggestionsFromEveryCommand() {
        Cli.Result r = new Cli(dir).run("migrat");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("migrate"), r.err());
        assertEquals(1, r.errLines(), r.err());
    }

    @Test
    void onlyCommandsThatNeedSqliteWarmItUp() {
        assertTrue(Main.opensDatabase(new String[] {"query", "select 1"}));
        assertTrue(Main.opensDatabase(new String[0]));
        assertFalse(Main.opensDatabase(new String[] {"--version"}));
        assertFalse(Main.opensDatabase(new String[] {"query", "--help"}));
        assertFalse(Main.opensDatabase(new String[] {"completion", "bash"}));
        assertFalse(Main.opensDatabase(new String[] {"new", "add-users"}));
    }

    private static Set<String> names(CommandLine cl) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            names.addAll(Arrays.asList(o.names()));
        }
        return names;
    }
}
