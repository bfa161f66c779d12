package dev.litectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the native image without GraalVM: every class picocli and Jackson reach by reflection,
 * every resource litectl reads, and the library metadata the image relies on, are in the reachability metadata
 * on the classpath. The lists of classes come from the command model and the compiled classes, not by hand.
 */
class NativeMetadataTest {
    private static final String OWN = "META-INF/native-image/dev.litectl/litectl/";
    private static final String PICOCLI = "META-INF/native-image/picocli-generated/dev.litectl/litectl/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCommandMixinAndArgumentGroupIsInPicocliGeneratedMetadata() throws IOException {
        Set<String> registered = names(PICOCLI + "reflect-config.json");
        Set<Class<?>> classes = CommandModel.annotatedClasses();
        assertTrue(classes.contains(Main.class) && classes.contains(CompletionCommand.class)
                && classes.contains(GlobalOptions.class) && classes.contains(VersionProvider.class)
                && classes.contains(CompletionCommand.Shells.class), classes.toString());
        for (Class<?> c : classes) {
            assertTrue(registered.contains(c.getName()), c.getName() + " is missing from picocli-codegen's reflect-config");
        }
    }

    @Test
    void everyJsonReportClassIsRegisteredForReflection() throws Exception {
        List<Class<?>> reports = reportClasses();
        assertTrue(reports.stream().anyMatch(c -> c.getSimpleName().endsWith("Result")), reports.toString());
        if (!CommandModel.assertGenerated(Path.of("src/main/resources/" + OWN + "reflect-config.json"), reflectConfig(reports))) {
            return;
        }
        Set<String> registered = names(OWN + "reflect-config.json");
        for (Class<?> c : reports) {
            assertTrue(registered.contains(c.getName()), c.getName() + " (a record or Jackson-annotated class) is not registered");
        }
    }

    @Test
    void everyResourceLitectlReadsIsIncludedInTheImage() throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode n : read(OWN + "resource-config.json").path("resources").path("includes")) {
            patterns.add(Pattern.compile(n.path("pattern").asText()));
        }
        List<String> needed = new ArrayList<>(List.of("dev/litectl/migrations/builtin/index", "dev/litectl/cli/version.properties"));
        String index = new String(resource("dev/litectl/migrations/builtin/index").readAllBytes(), StandardCharsets.UTF_8);
        index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(name -> needed.add("dev/litectl/migrations/builtin/" + name));
        assertTrue(needed.size() > 3, needed.toString());
        for (String name : needed) {
            assertTrue(patterns.stream().anyMatch(p -> p.matcher(name).matches()), name + " is not in resource-config.json");
        }
        assertFalse(patterns.stream().anyMatch(p -> p.matcher("dev/litectl/cli/Main.class").matches()), "only resources");
    }

    @Test
    void everyJlineTerminalProviderIsRegisteredByJlinesOwnMetadata() throws IOException {
        List<String> services = entries("META-INF/services/org/jline/terminal/provider/");
        assertTrue(services.size() >= 3, services.toString());
        Set<String> registered = new TreeSet<>();
        for (String config : entries("META-INF/native-image/")) {
            if (config.endsWith("reflect-config.json") || config.endsWith("reflection-config.json")) {
                registered.addAll(names(config));
            }
        }
        for (String service : services) {
            String text = new String(resource(service).readAllBytes(), StandardCharsets.UTF_8);
            String provider = text.lines().filter(l -> l.startsWith("class")).map(l -> l.substring(l.indexOf('=') + 1).strip())
                    .findFirst().orElseThrow();
            assertTrue(registered.contains(provider), provider + " (" + service + ") is not in any reflection config");
        }
    }

    @Test
    void sqliteJdbcBringsItsNativeLibraryThroughItsOwnFeature() throws IOException {
        String props = new String(resource("META-INF/native-image/org.xerial/sqlite-jdbc/native-image.properties")
                .readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(props.contains("org.sqlite.nativeimage.SqliteJdbcFeature"), props);
        assertTrue(ClassLoader.getSystemResource("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so") != null);
    }

    /** Classes Jackson serialises by reflection: litectl's records and any class carrying a Jackson annotation. */
    static List<Class<?>> reportClasses() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/litectl"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, Main.class.getClassLoader());
                if (!c.isAnonymousClass() && !c.isSynthetic() && (c.isRecord() || hasJacksonAnnotation(c))) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean hasJacksonAnnotation(Class<?> c) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(c));
        elements.addAll(List.of(c.getDeclaredFields()));
        elements.addAll(List.of(c.getDeclaredMethods()));
        for (AnnotatedElement e : elements) {
            for (Annotation a : e.getDeclaredAnnotations()) {
                if (a.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String reflectConfig(List<Class<?>> classes) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < classes.size(); i++) {
            sb.append("  {\n    \"name\" : \"").append(classes.get(i).getName()).append("\",\n")
                    .append("    \"allDeclaredConstructors\" : true,\n")
                    .append("    \"allDeclaredFields\" : true,\n")
                    .append("    \"allDeclaredMethods\" : true,\n")
                    .append("    \"allPublicMethods\" : true\n  }")
                    .append(i + 1 < classes.size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }

    private static Set<String> names(String resource) throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode n : read(resource)) {
            names.add(n.path("name").asText());
        }
        return names;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = resource(resource)) {
            return JSON.readTree(in);
        }
    }

    private static InputStream resource(String name) throws IOException {
        URL url = ClassLoader.getSystemResource(name);
        assertTrue(url != null, name + " is not on the classpath");
        return url.openStream();
    }

    /** Resource names under {@code prefix} in every classpath entry, folder or jar. */
    private static List<String> entries(String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p.resolve(prefix))) {
                try (Stream<Path> files = Files.walk(p.resolve(prefix))) {
                    files.filter(Files::isRegularFile).forEach(f -> out.add(p.relativize(f).toString().replace(File.separatorChar, '/')));
                }
            } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                try (ZipFile zip = new ZipFile(p.toFile())) {
                    Enumeration<? extends java.util.zip.ZipEntry> all = zip.entries();
                    while (all.hasMoreElements()) {
                        java.util.zip.ZipEntry e = all.nextElement();
                        if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                            out.add(e.getName());
                        }
                    }
                }
            }
        }
        assertFalse(out.isEmpty(), "nothing under " + prefix);
        return out;
    }

    @Test
    void reflectConfigOfNoClassIsAnEmptyArray() {
        assertEquals("[\n]\n", reflectConfig(List.of()));
    }
}
