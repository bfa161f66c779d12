package dev.litectl.migrate;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Migrations read from a folder: every {@code *.sql} file directly inside it. */
final class DirectorySource extends MigrationSource {
    private final Path dir;

    DirectorySource(Path dir) {
        this.dir = dir;
    }

    @Override
    public String description() {
        return dir.toString();
    }

    @Override
    protected List<RawFile> readFiles() {
        if (!Files.exists(dir)) {
            throw new MigrationException("migrations folder " + dir + ": no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new MigrationException("migrations folder " + dir + ": not a directory");
        }
        List<RawFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".sql") || Files.isDirectory(p)) {
                    continue;
                }
                out.add(new RawFile(name, p.toString(), read(p)));
            }
        } catch (IOException e) {
            throw new MigrationException("migrations folder " + dir + ": cannot list: " + e.getMessage(), e);
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
        } catch (CharacterCodingException e) {
            throw new MigrationException(p + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new MigrationException(p + ": cannot read: " + e.getMessage(), e);
        }
    }
}
