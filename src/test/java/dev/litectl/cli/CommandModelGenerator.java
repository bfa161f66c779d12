package dev.litectl.cli;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Spec;

/**
 * Writes {@code src/main/java/dev/litectl/cli/CommandModels.java}: picocli's model of each command, built from
 * the {@code @Command}/{@code @Option} annotations here (at build time) and emitted as calls to picocli's
 * programmatic API, so that a run of litectl reads no annotations. Reading them is most of picocli's start-up
 * cost: the JDK makes a proxy class for every annotation type, and no class-data archive can keep those.
 *
 * <p>The annotations stay the one place a command is declared. {@code CommandModelsTest} holds the checked-in
 * file equal to this generator's output and each generated model equal to the annotated one; commands that use
 * what the generator does not emit (argument groups, custom converters, method-bound options) keep the
 * annotated model, built at run time.
 */
final class CommandModelGenerator {
    static final Path FILE = Path.of("src/main/java/dev/litectl/cli/CommandModels.java");

    private final StringBuilder methods = new StringBuilder();
    /** The body of the generated {@code addStandardHelpOptions}: picocli's --help and --version. */
    private final StringBuilder standardHelp = new StringBuilder();
    private final Set<String> standardHelpWritten = new HashSet<>();
    private final List<String> dispatch = new ArrayList<>();
    /** Every bound field, by its number in the generated get and set switches. */
    private final List<Field> fields = new ArrayList<>();

    private CommandModelGenerator() {}

    /** The source of CommandModels.java for litectl's root command and every registered subcommand. */
    static String generate() {
        CommandModelGenerator g = new CommandModelGenerator();
        g.command(new Main(CliContext.of(new ByteArrayInputStream(new byte[0]), Map.of(), Path.of("."))));
        for (String name : Main.SUBCOMMANDS) {
            g.command(Main.subcommand(name));
        }
        return g.source();
    }

    /** The annotated model of {@code command}, as picocli builds it by reflection. */
    static CommandSpec annotated(Object command) {
        return CommandSpec.forAnnotatedObject(command);
    }

    /** Why the generator leaves {@code spec} to the annotated model, or null when it can emit it. */
    static String unsupported(CommandSpec spec) {
        if (!spec.argGroups().isEmpty()) {
            return "argument groups";
        }
        if (!spec.subcommands().isEmpty()) {
            return "subcommands declared in the annotation";
        }
        for (ArgSpec arg : spec.args()) {
            if (arg.converters().length > 0) {
                return arg + ": a custom converter";
            }
            if (arg.parameterConsumer() != null) {
                return arg + ": a parameter consumer";
            }
            if (arg.interactive()) {
                return arg + ": interactive";
            }
            if (!(arg.userObject() instanceof Field) && !isStandardHelp(arg)) {
                return arg + ": not bound to a field";
            }
            if (arg.userObject() instanceof Field f && !isStandardHelp(arg) && Modifier.isPrivate(f.getModifiers())) {
                return arg + ": a private field";
            }
        }
        return null;
    }

    private void command(Object command) {
        Class<?> type = command.getClass();
        CommandSpec spec = annotated(command);
        String why = unsupported(spec);
        if (why != null) {
            dispatch.add("        // " + type.getSimpleName() + " keeps its annotated model: " + why + "\n");
            return;
        }
        String name = type.getSimpleName();
        String method = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        dispatch.add("        if (command instanceof " + name + " c) {\n            return " + method + "(c);\n        }\n");

        StringBuilder m = methods;
        m.append("\n    private static CommandSpec ").append(method).append('(').append(name).append(" c) {\n");
        m.append("        CommandSpec s = CommandSpec.wrapWithoutInspection(c);\n");
        m.append("        s.name(").append(JavaSource.literal(spec.name())).append(");\n");
        if (spec.aliases().length > 0) {
            m.append("        s.aliases(").append(JavaSource.literals(spec.aliases())).append(");\n");
        }
        if (spec.versionProvider() != null) {
            m.append("        s.versionProvider(new ").append(spec.versionProvider().getClass().getSimpleName()).append("());\n");
        }
        usage(spec.usageMessage(), m);

        Map<String, String> mixins = new LinkedHashMap<>(); // owner expression -> mixin name
        Map<Field, String> owners = owners(type, mixins, m);
        args(spec, owners, mixins, m);
        for (Field f : allFields(type)) {
            if (f.isAnnotationPresent(Spec.class)) {
                m.append("        c.").append(f.getName()).append(" = s;\n");
            }
        }
        m.append("        return s;\n    }\n");
    }

    /**
     * Which object holds each field: {@code c} (the command) or {@code c.<field>} for a mixin's fields. Writes the
     * mixins' creation and fills {@code mixins} with their names.
     */
    private static Map<Field, String> owners(Class<?> type, Map<String, String> mixins, StringBuilder m) {
        Map<Field, String> owners = new LinkedHashMap<>();
        for (Field f : allFields(type)) {
            if (f.isAnnotationPresent(Mixin.class)) {
                String mixin = "c." + f.getName();
                mixins.put(mixin, f.getName());
                for (Field mf : allFields(f.getType())) {
                    owners.put(mf, mixin);
                }
                m.append("        ").append(mixin).append(" = new ").append(f.getType().getSimpleName()).append("();\n");
                m.append("        CommandSpec ").append(f.getName()).append(" = CommandSpec.wrapWithoutInspection(")
                        .append(mixin).append(");\n");
            }
        }
        for (Field f : allFields(type)) {
            owners.putIfAbsent(f, "c");
        }
        return owners;
    }

    /**
     * The options and positional parameters, in the annotated model's order; a mixin's options are added to the
     * command with the mixin, in its place among the command's options.
     */
    private void args(CommandSpec spec, Map<Field, String> owners, Map<String, String> mixins, StringBuilder m) {
        String openMixin = null;
        List<String> added = new ArrayList<>();
        for (ArgSpec a : spec.args()) {
            String owner = a.userObject() instanceof Field f ? owners.get(f) : null;
            String mixin = owner == null ? null : mixins.get(owner);
            if (openMixin != null && !openMixin.equals(mixin)) {
                m.append("        s.addMixin(").append(JavaSource.literal(openMixin)).append(", ").append(openMixin).append(");\n");
                added.add(openMixin);
            }
            if (mixin != null && added.contains(mixin)) {
                throw new IllegalStateException(a + ": the options of mixin " + mixin + " are not together");
            }
            openMixin = mixin;
            String target = mixin == null ? "s" : mixin;
            if (isStandardHelp(a)) {
                standardHelp((OptionSpec) a, owners, m);
            } else if (a instanceof OptionSpec o) {
                m.append("        ").append(target).append(".addOption(OptionSpec.builder(").append(JavaSource.literals(o.names())).append(')');
                option(o, m);
                arg(a, owners, m);
                m.append("\n                .build());\n");
            } else {
                m.append("        ").append(target).append(".addPositional(PositionalParamSpec.builder()");
                m.append("\n                .index(").append(JavaSource.literal(((PositionalParamSpec) a).index().originalValue())).append(')');
                arg(a, owners, m);
                m.append("\n                .build());\n");
            }
        }
        if (openMixin != null) {
            m.append("        s.addMixin(").append(JavaSource.literal(openMixin)).append(", ").append(openMixin).append(");\n");
        }
    }

    /** picocli's --help or --version, the same for every command: written once, in addStandardHelpOptions. */
    private void standardHelp(OptionSpec o, Map<Field, String> owners, StringBuilder m) {
        if (o.usageHelp()) {
            m.append("        addStandardHelpOptions(s);\n");
        }
        if (standardHelpWritten.add(o.longestName())) {
            standardHelp.append("        s.addOption(OptionSpec.builder(").append(JavaSource.literals(o.names())).append(')');
            option(o, standardHelp);
            arg(o, owners, standardHelp);
            standardHelp.append("\n                .build());\n");
        }
    }

    /** The usage-message attributes that differ from a programmatic model's defaults. */
    private static void usage(UsageMessageSpec u, StringBuilder m) {
        UsageMessageSpec d = CommandSpec.create().usageMessage();
        List<String> calls = new ArrayList<>();
        strings(calls, "description", u.description(), d.description());
        strings(calls, "header", u.header(), d.header());
        strings(calls, "footer", u.footer(), d.footer());
        strings(calls, "customSynopsis", u.customSynopsis(), d.customSynopsis());
        string(calls, "headerHeading", u.headerHeading(), d.headerHeading());
        string(calls, "synopsisHeading", u.synopsisHeading(), d.synopsisHeading());
        string(calls, "descriptionHeading", u.descriptionHeading(), d.descriptionHeading());
        string(calls, "parameterListHeading", u.parameterListHeading(), d.parameterListHeading());
        string(calls, "optionListHeading", u.optionListHeading(), d.optionListHeading());
        string(calls, "commandListHeading", u.commandListHeading(), d.commandListHeading());
        string(calls, "footerHeading", u.footerHeading(), d.footerHeading());
        flag(calls, "sortOptions", u.sortOptions(), d.sortOptions());
        flag(calls, "sortSynopsis", u.sortSynopsis(), d.sortSynopsis());
        flag(calls, "autoWidth", u.autoWidth(), d.autoWidth());
        flag(calls, "abbreviateSynopsis", u.abbreviateSynopsis(), d.abbreviateSynopsis());
        flag(calls, "showDefaultValues", u.showDefaultValues(), d.showDefaultValues());
        flag(calls, "hidden", u.hidden(), d.hidden());
        if (!calls.isEmpty()) {
            m.append("        s.usageMessage()");
            for (String call : calls) {
                m.append("\n                .").append(call);
            }
            m.append(";\n");
        }
    }

    /** What only options have. */
    private static void option(OptionSpec o, StringBuilder m) {
        if (o.usageHelp()) {
            m.append("\n                .usageHelp(true)");
        }
        if (o.versionHelp()) {
            m.append("\n                .versionHelp(true)");
        }
        if (o.negatable()) {
            m.append("\n                .negatable(true)");
        }
        if (o.order() != -1) {
            m.append("\n                .order(").append(o.order()).append(')');
        }
        if (o.fallbackValue() != null && !o.fallbackValue().isEmpty()) {
            m.append("\n                .fallbackValue(").append(JavaSource.literal(o.fallbackValue())).append(')');
        }
    }

    /** What options and positional parameters share, and the binding to the annotated field. */
    private void arg(ArgSpec a, Map<Field, String> owners, StringBuilder m) {
        // the builder's values are the declared ones, before ${...} interpolation
        Raw raw = Raw.of(a);
        if (!a.arity().isUnspecified()) {
            m.append("\n                .arity(").append(JavaSource.literal(a.arity().originalValue())).append(')');
        }
        if (raw.paramLabel() != null && !raw.paramLabel().isEmpty() && !"PARAM".equals(raw.paramLabel())) {
            m.append("\n                .paramLabel(").append(JavaSource.literal(raw.paramLabel())).append(')');
        }
        if (a.hideParamSyntax()) {
            m.append("\n                .hideParamSyntax(true)");
        }
        if (raw.description() != null && raw.description().length > 0) {
            m.append("\n                .description(").append(JavaSource.literals(raw.description())).append(')');
        }
        if (raw.descriptionKey() != null && !raw.descriptionKey().isEmpty()) {
            m.append("\n                .descriptionKey(").append(JavaSource.literal(raw.descriptionKey())).append(')');
        }
        if (a.required()) {
            m.append("\n                .required(true)");
        }
        if (a.hidden()) {
            m.append("\n                .hidden(true)");
        }
        if (raw.defaultValue() != null && !"__no_default_value__".equals(raw.defaultValue())) {
            m.append("\n                .defaultValue(").append(JavaSource.literal(raw.defaultValue())).append(')');
        }
        if (a.showDefaultValue() != CommandLine.Help.Visibility.ON_DEMAND) {
            m.append("\n                .showDefaultValue(CommandLine.Help.Visibility.").append(a.showDefaultValue()).append(')');
        }
        if (a.scopeType() != CommandLine.ScopeType.LOCAL) {
            m.append("\n                .scopeType(CommandLine.ScopeType.").append(a.scopeType()).append(')');
        }
        if (!a.splitRegex().isEmpty()) {
            m.append("\n                .splitRegex(").append(JavaSource.literal(a.splitRegex())).append(')');
        }
        if (isStandardHelp(a)) {
            // picocli's own --help and --version: a boolean kept in the model, not in a field of ours
            m.append("\n                .type(boolean.class).hasInitialValue(true).initialValue(false)");
            return;
        }
        Field f = (Field) a.userObject();
        m.append("\n                .type(").append(JavaSource.className(a.type())).append(')');
        Class<?>[] aux = a.auxiliaryTypes();
        if (aux.length > 1 || (aux.length == 1 && aux[0] != a.type())) {
            m.append("\n                .auxiliaryTypes(").append(Arrays.stream(aux).map(JavaSource::className)
                    .collect(Collectors.joining(", "))).append(')');
        }
        if (a.completionCandidates() != null && !a.typeInfo().isEnum()) {
            m.append("\n                .completionCandidates(new ").append(JavaSource.shortName(a.completionCandidates().getClass()))
                    .append("())");
        }
        String owner = owners.get(f);
        if (owner == null) {
            throw new IllegalStateException(f + " belongs to neither the command nor one of its mixins");
        }
        int index = fields.indexOf(f);
        if (index < 0) {
            index = fields.size();
            fields.add(f);
        }
        String at = index + ", " + owner;
        m.append("\n                .hasInitialValue(true).initialValue(get(").append(at).append("))")
                .append(".getter(new FieldBinding(").append(at).append(")).setter(new FieldBinding(").append(at).append("))");
    }

    /** An argument's declared texts, before picocli interpolates {@code ${...}} in them. */
    private record Raw(String paramLabel, String[] description, String descriptionKey, String defaultValue) {
        static Raw of(ArgSpec a) {
            if (a instanceof OptionSpec o) {
                OptionSpec.Builder b = o.toBuilder();
                return new Raw(b.paramLabel(), b.description(), b.descriptionKey(), b.defaultValue());
            }
            PositionalParamSpec.Builder b = ((PositionalParamSpec) a).toBuilder();
            return new Raw(b.paramLabel(), b.description(), b.descriptionKey(), b.defaultValue());
        }
    }

    private static boolean isStandardHelp(ArgSpec a) {
        return a.userObject() instanceof Field f && f.getDeclaringClass().getName().startsWith("picocli.");
    }

    private String source() {
        StringBuilder s = new StringBuilder();
        s.append("""
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
                """);
        dispatch.forEach(s::append);
        s.append("        return CommandSpec.forAnnotatedObject(command);\n    }\n");
        s.append(methods);
        s.append("\n    /** picocli's --help and --version, as {@code mixinStandardHelpOptions} adds them. */\n");
        s.append("    private static void addStandardHelpOptions(CommandSpec s) {\n").append(standardHelp).append("    }\n");
        s.append("""

                    /** The value of field number {@code field} of {@code owner} (see {@link FieldBinding}). */
                    @SuppressWarnings("unchecked")
                    static <T> T get(int field, Object owner) {
                        return (T) switch (field) {
                """);
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            s.append("            case ").append(i).append(" -> ((").append(JavaSource.typeName(f.getDeclaringClass(), false))
                    .append(") owner).").append(f.getName()).append(";\n");
        }
        s.append("""
                            default -> throw new IllegalArgumentException("no field " + field);
                        };
                    }

                    /** Sets field number {@code field} of {@code owner} to {@code value}. */
                    @SuppressWarnings("unchecked")
                    static void set(int field, Object owner, Object value) {
                        switch (field) {
                """);
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            s.append("            case ").append(i).append(" -> ((").append(JavaSource.typeName(f.getDeclaringClass(), false))
                    .append(") owner).").append(f.getName()).append(" = (").append(JavaSource.typeName(f.getGenericType(), true))
                    .append(") value;\n");
        }
        s.append("""
                            default -> throw new IllegalArgumentException("no field " + field);
                        }
                    }
                }
                """);
        return s.toString();
    }

    private static List<Field> allFields(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            fields.addAll(Arrays.asList(c.getDeclaredFields()));
        }
        return fields;
    }

    private static void strings(List<String> calls, String name, String[] value, String[] dflt) {
        if (!Arrays.equals(value, dflt)) { // one line each
            calls.add(name + "(" + Arrays.stream(value).map(JavaSource::literal)
                    .collect(Collectors.joining(",\n                        ")) + ")");
        }
    }

    private static void string(List<String> calls, String name, String value, String dflt) {
        if (!value.equals(dflt)) {
            calls.add(name + "(" + JavaSource.literal(value) + ")");
        }
    }

    private static void flag(List<String> calls, String name, boolean value, boolean dflt) {
        if (value != dflt) {
            calls.add(name + "(" + value + ")");
        }
    }


}
