package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The generated command models ({@link CommandModels}) are the generator's current output, and each one is the
 * model picocli reads from the command's annotations: the same attributes, the same help, and parsing that
 * fills the same fields.
 */
class CommandModelsTest {
    private static final CliContext CONTEXT =
            CliContext.of(new ByteArrayInputStream(new byte[0]), Map.of(), Path.of("."));

    @Test
    void theCheckedInModelsAreTheGeneratorsOutput() throws Exception {
        assertTrue(CommandModel.assertGenerated(CommandModelGenerator.FILE, CommandModelGenerator.generate())
                || Boolean.getBoolean("litectl.regenerate"));
    }

    @Test
    void everyCommandIsGeneratedUnlessItUsesWhatTheGeneratorDoesNotWrite() {
        List<String> annotated = new ArrayList<>();
        for (String name : Main.SUBCOMMANDS) {
            Object command = Main.subcommand(name);
            // picocli's annotated model keeps each field as its options' user object; the generated one binds without
            boolean generated = CommandModels.of(command).args().stream()
                    .noneMatch(a -> a.userObject() instanceof java.lang.reflect.Field);
            String why = CommandModelGenerator.unsupported(CommandModelGenerator.annotated(Main.subcommand(name)));
            if (why != null) {
                annotated.add(name + " (" + why + ")");
            }
            assertEquals(why == null, generated, name);
        }
        assertEquals(List.of("rollback (argument groups)"), annotated);
    }

    @Test
    void eachGeneratedModelHasTheAnnotatedModelsAttributesAndHelp() {
        CommandLine generated = root(CommandModels::of);
        CommandLine annotated = root(CommandModelGenerator::annotated);
        assertEquals(describe(annotated.getCommandSpec()), describe(generated.getCommandSpec()));
        assertEquals(annotated.getUsageMessage(CommandLine.Help.Ansi.OFF), generated.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (String name : Main.SUBCOMMANDS) {
            CommandLine g = generated.getSubcommands().get(name);
            CommandLine a = annotated.getSubcommands().get(name);
            assertEquals(describe(a.getCommandSpec()), describe(g.getCommandSpec()), name);
            assertEquals(a.getUsageMessage(CommandLine.Help.Ansi.OFF), g.getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
    }

    @Test
    void aGeneratedModelFillsTheFieldsTheAnnotatedOneFills() {
        for (String name : Main.SUBCOMMANDS) {
            CommandSpec sample = root(CommandModelGenerator::annotated).getSubcommands().get(name).getCommandSpec();
            for (ArgSpec arg : sample.args()) {
                if (arg instanceof OptionSpec o && (o.usageHelp() || o.versionHelp())) {
                    continue;
                }
                List<String> args = new ArrayList<>(List.of(name));
                args.addAll(sample(arg));
                for (ArgSpec required : sample.args()) { // and whatever else the command requires
                    if (required.required() && required.group() == null && required != arg) {
                        args.addAll(sample(required));
                    }
                }
                assertSameFields(args.toArray(String[]::new));
            }
        }
        assertSameFields("--db", "a.db", "--migrations", "m", "--format", "json", "--busy-timeout", "9", "-v", "-q",
                "--no-color", "query", "select 1");
        assertSameFields("query", "--db", "a.db", "--format", "CSV", "--param", "a=1", "--param", "b=x", "select 1");
    }

    @Test
    void noOptionHasATypeWhoseConverterLitectlLeavesOut() {
        for (CommandLine cl : List.of(root(CommandModels::of), root(CommandModelGenerator::annotated))) {
            List<CommandSpec> specs = new ArrayList<>(List.of(cl.getCommandSpec()));
            cl.getSubcommands().values().forEach(sub -> specs.add(sub.getCommandSpec()));
            for (CommandSpec spec : specs) {
                for (ArgSpec arg : spec.args()) {
                    for (Class<?> type : arg.auxiliaryTypes()) {
                        assertTrue(!type.getName().matches(Main.UNUSED_CONVERTERS),
                                spec.qualifiedName() + " " + label(arg) + " has type " + type.getName());
                    }
                }
            }
        }
        assertTrue("java.time.Duration".matches(Main.UNUSED_CONVERTERS));
        assertTrue("java.sql.Timestamp".matches(Main.UNUSED_CONVERTERS));
        assertTrue(!"java.lang.String".matches(Main.UNUSED_CONVERTERS));
    }

    @Test
    void theSpecFieldsOfAGeneratedCommandAreItsModel() {
        CommandLine cl = root(CommandModels::of);
        CommandLine query = cl.getSubcommands().get("query");
        assertSame(query.getCommandSpec(), ((QueryCommand) query.getCommandSpec().userObject()).spec);
        Main main = (Main) cl.getCommandSpec().userObject();
        assertSame(cl.getCommandSpec(), main.spec);
        assertNotNull(main.globals());
        assertEquals(List.of("globals"), List.copyOf(cl.getCommandSpec().mixins().keySet()));
    }

    /** Parses {@code args} with both models and compares every option's and parameter's value afterwards. */
    private static void assertSameFields(String... args) {
        CommandLine generated = root(CommandModels::of);
        CommandLine annotated = root(CommandModelGenerator::annotated);
        assertEquals(values(annotated.parseArgs(args)), values(generated.parseArgs(args)), String.join(" ", args));
    }

    /** Each option's and parameter's value after a parse, in the commands the parse went through. */
    private static String values(CommandLine.ParseResult parsed) {
        StringBuilder values = new StringBuilder();
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            List<ArgSpec> args = new ArrayList<>(p.commandSpec().args());
            args.sort(java.util.Comparator.comparing(CommandModelsTest::label));
            for (ArgSpec arg : args) {
                values.append(p.commandSpec().name()).append(' ').append(label(arg)).append(" = ")
                        .append(Objects.toString(arg.getValue())).append('\n');
            }
        }
        return values.toString();
    }

    /** The arguments that give {@code arg} a value. */
    private static List<String> sample(ArgSpec arg) {
        List<String> args = new ArrayList<>();
        if (arg instanceof OptionSpec o) {
            args.add(o.longestName());
        }
        if (arg.arity().max() > 0) {
            args.add(sampleValue(arg));
        }
        return args;
    }

    private static String sampleValue(ArgSpec arg) {
        Class<?> type = arg.type();
        if (arg.typeInfo().isEnum()) {
            return arg.typeInfo().getEnumConstantNames().get(0);
        }
        if (Map.class.isAssignableFrom(type)) {
            return "k=v";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "7";
        }
        if (type == double.class || type == Double.class) {
            return "1.5";
        }
        return arg.completionCandidates() != null ? arg.completionCandidates().iterator().next() : "sample";
    }

    /** The root with every subcommand, each model made by {@code model}, configured as litectl configures it. */
    private static CommandLine root(Function<Object, CommandSpec> model) {
        Main main = new Main(CONTEXT);
        CommandLine cl = new CommandLine(model.apply(main));
        for (String name : Main.SUBCOMMANDS) {
            cl.addSubcommand(name, model.apply(Main.subcommand(name)));
        }
        return Main.configure(cl, main, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static String candidates(ArgSpec arg) {
        if (arg.completionCandidates() == null) {
            return "no candidates";
        }
        List<String> all = new ArrayList<>();
        arg.completionCandidates().forEach(all::add);
        return all.toString();
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : "[" + ((PositionalParamSpec) arg).index() + "]";
    }

    /** The command's mixins but picocli's own for --help and --version, whose options the generator writes out. */
    private static List<String> ownMixins(CommandSpec s) {
        return s.mixins().keySet().stream().filter(k -> !k.equals("mixinStandardHelpOptions")).toList();
    }

    /** Every attribute of a command's model that help, completion or parsing reads. */
    private static String describe(CommandSpec s) {
        UsageMessageSpec u = s.usageMessage();
        StringBuilder b = new StringBuilder();
        b.append(s.name()).append(Arrays.toString(s.aliases())).append(" version=").append(Arrays.toString(s.version()))
                .append(" mixins=").append(ownMixins(s))
                .append("\nusage: ").append(Arrays.toString(u.description())).append(Arrays.toString(u.header()))
                .append(Arrays.toString(u.footer())).append(u.footerHeading()).append(u.headerHeading())
                .append(u.synopsisHeading()).append(u.descriptionHeading()).append(u.parameterListHeading())
                .append(u.optionListHeading()).append(u.commandListHeading()).append(Arrays.toString(u.customSynopsis()))
                .append(" sort=").append(u.sortOptions()).append(u.sortSynopsis()).append(" auto=").append(u.autoWidth())
                .append(u.abbreviateSynopsis()).append(u.showDefaultValues()).append(u.hidden());
        for (ArgSpec a : s.args()) {
            b.append('\n').append(label(a)).append(": ").append(describe(a));
        }
        return b.toString();
    }

    private static String describe(ArgSpec a) {
        List<Object> d = new ArrayList<>();
        if (a instanceof OptionSpec o) {
            d.addAll(List.of(Arrays.toString(o.names()), o.usageHelp(), o.versionHelp(), o.negatable(), o.order(),
                    String.valueOf(o.fallbackValue())));
        } else {
            PositionalParamSpec p = (PositionalParamSpec) a;
            d.addAll(List.of("index=" + p.index(), p.index().isUnspecified()));
        }
        d.addAll(List.of(a.arity(), a.arity().isUnspecified(), a.paramLabel(), a.hideParamSyntax(),
                Arrays.toString(a.description()), Objects.toString(a.descriptionKey(), "") /* "" and null: no key */, a.required(), a.hidden(),
                String.valueOf(a.defaultValue()), a.showDefaultValue(), a.scopeType(), a.inherited(), a.splitRegex(),
                a.interactive(), a.type().getName(), Arrays.toString(a.auxiliaryTypes()), a.typeInfo().isMultiValue(),
                a.typeInfo().isCollection(), a.typeInfo().isMap(), a.typeInfo().isEnum(), a.typeInfo().isBoolean(),
                candidates(a), a.hasInitialValue(), String.valueOf(a.initialValue())));
        if (!(a instanceof OptionSpec o && (o.usageHelp() || o.versionHelp()))) {
            d.add(Objects.toString(a.getValue())); // --help and --version have theirs only after a parse
        }
        return d.toString();
    }
}
