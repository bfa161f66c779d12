package dev.litectl.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Migrations on the classpath. The location's {@code index} file, one file name a line, lists them (so it
 * works inside a jar and a native image alike); without one, a folder on the file system is listed.
 */
final class ClasspathSource extends MigrationSource {
    static final String BUILTIN = "dev/litectl/migrations/builtin";

    private final String location;
    private final ClassLoader loader;

    ClasspathSource(String location, ClassLoader loader) {
        this.location = location.replaceAll("^/+|/+$", "");
        this.loader = loader;
    }

    @Override
    public String description() {
        return BUILTIN.equals(location) ? "built-in schema" : "classpath:" + location;
    }

    @Override
    protected List<RawFile> readFiles() {
        List<String> names = index();
        List<RawFile> out = new ArrayList<>();
        for (String name : names) {
            String text = resource(location + "/" + name);
            if (text == null) {
                throw new MigrationException(description() + ": " + name + " is listed in its index but missing");
            }
            out.add(new RawFile(name, BUILTIN.equals(location) ? "built-in:" + name : "classpath:" + location + "/" + name, text));
        }
        return out;
    }

    private List<String> index() {
        String index = resource(location + "/index");
        if (index != null) {
            return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        URL url = loader.getResource(location);
        if (url == null) {
            throw new MigrationException("classpath location " + location + ": not found");
        }
        if (!"file".equals(url.getProtocol())) {
            throw new MigrationException("classpath location " + location + ": needs an 'index' file listing its migrations");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("classpath location " + location + ": cannot list: " + e.getMessage(), e);
        }
    }

    private String resource(String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
