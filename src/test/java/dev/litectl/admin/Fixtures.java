package dev.litectl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;

/** Small real databases for the admin tests, and ways to look at files. */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** A WAL database with table {@code t(id, payload)} holding {@code rows} rows of about 200 bytes each. */
    static Path database(Path dir, String name, int rows) throws SQLException {
        Path p = dir.resolve(name);
        try (Database db = Database.open(p, OpenMode.CREATE, 5000)) {
            db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, payload BLOB)");
            db.execute("CREATE INDEX t_payload ON t(payload)");
            db.execute("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < " + rows + ") "
                    + "INSERT INTO t(payload) SELECT randomblob(200) FROM c");
        }
        return p;
    }

    static long count(Path db, String sql) throws SQLException {
        try (Database d = Database.open(db, OpenMode.READ_ONLY, 5000)) {
            return d.queryLong(sql);
        }
    }

    static String integrity(Path db) throws SQLException {
        try (Database d = Database.open(db, OpenMode.READ_ONLY, 5000)) {
            return d.queryString("PRAGMA integrity_check");
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** Asserts the file is byte-identical to the given SHA-256 (the "source untouched" check of failure tests). */
    static void assertUnchanged(String sha, Path file) throws IOException {
        assertEquals(sha, sha256(file), file + " changed");
    }
}
