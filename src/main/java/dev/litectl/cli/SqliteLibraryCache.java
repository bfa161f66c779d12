package dev.litectl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, extracted once into a cache folder that the launcher names with
 * {@code -Dlitectl.native.cache=DIR}. Without it sqlite-jdbc copies the library into the temp folder on every
 * start (65-80 ms). The launcher passes {@code -Dorg.sqlite.lib.path} itself once the file is there; this class
 * only writes it on the first run. Any failure leaves sqlite-jdbc to its own extraction.
 */
final class SqliteLibraryCache {
    static final String CACHE_PROPERTY = "litectl.native.cache";

    private SqliteLibraryCache() {}

    /** Called once by {@link Main#main} before anything opens a database. */
    static void install() {
        String dir = System.getProperty(CACHE_PROPERTY);
        if (dir == null || dir.isEmpty() || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            Path folder = Path.of(dir);
            String name = LibraryLoaderUtil.getNativeLibName();
            Path lib = folder.resolve(name);
            if (!Files.isRegularFile(lib)) {
                extract(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name, folder, lib);
            }
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // not cached: sqlite-jdbc extracts to the temp folder as it always does
        }
    }

    private static void extract(String resource, Path folder, Path lib) throws IOException {
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no bundled native library at " + resource);
            }
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, lib.getFileName().toString(), ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
