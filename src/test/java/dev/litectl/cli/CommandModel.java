package dev.litectl.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** litectl's command model as {@link Main} builds it, for tests that must follow new commands on their own. */
final class CommandModel {
    private CommandModel() {}

    /** The root command line, as {@code litectl} builds it. */
    static CommandLine root() {
        CliContext context = CliContext.of(new ByteArrayInputStream(new byte[0]), Map.of(), Path.of("."));
        return Main.commandLine(context, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** Every subcommand's name, at any depth, e.g. {@code migration-status}. */
    static Set<String> commandNames() {
        Set<String> names = new LinkedHashSet<>();
        walk(root(), cl -> names.add(cl.getCommandName()));
        names.remove("litectl");
        return names;
    }

    /**
     * Every class of litectl's that picocli instantiates or fills by reflection: commands, mixins, argument
     * groups, version providers, completion candidates and type converters.
     */
    static Set<Class<?>> annotatedClasses() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        walk(root(), cl -> {
            CommandSpec spec = cl.getCommandSpec();
            classes.add(spec.userObject().getClass());
            for (CommandSpec mixin : spec.mixins().values()) {
                if (mixin.userObject() != null && mixin.userObject().getClass().getName().startsWith("dev.litectl.")) {
                    classes.add(mixin.userObject().getClass());
                }
            }
            for (ArgGroupSpec group : spec.argGroups()) {
                addGroup(group, classes);
            }
            if (spec.versionProvider() != null) {
                addOwn(spec.versionProvider().getClass(), classes);
            }
            for (ArgSpec arg : spec.args()) {
                if (arg.completionCandidates() != null) {
                    addOwn(arg.completionCandidates().getClass(), classes);
                }
                for (CommandLine.ITypeConverter<?> converter : arg.converters()) {
                    addOwn(converter.getClass(), classes);
                }
            }
        });
        return classes;
    }

    private static void addOwn(Class<?> type, Set<Class<?>> classes) {
        if (type.getName().startsWith("dev.litectl.") && !type.isSynthetic() && !type.isAnonymousClass()) {
            classes.add(type);
        }
    }

    private static void addGroup(ArgGroupSpec group, Set<Class<?>> classes) {
        Class<?> type = group.typeInfo() == null ? null : group.typeInfo().getType();
        if (type != null && type.getName().startsWith("dev.litectl.")) {
            classes.add(type);
        }
        for (ArgGroupSpec sub : group.subgroups()) {
            addGroup(sub, classes);
        }
    }

    private static void walk(CommandLine cl, java.util.function.Consumer<CommandLine> visit) {
        visit.accept(cl);
        for (CommandLine sub : new LinkedHashSet<>(cl.getSubcommands().values())) {
            walk(sub, visit);
        }
    }

    /**
     * Asserts that the checked-in {@code file} holds {@code expected}; with {@code -Dlitectl.regenerate=true}
     * (scripts/regenerate.sh) writes it instead and returns false.
     */
    static boolean assertGenerated(Path file, String expected) throws IOException {
        if (Boolean.getBoolean("litectl.regenerate")) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return false;
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
        assertEquals(expected, actual, file + " is stale: run scripts/regenerate.sh and commit the result");
        return true;
    }
}
