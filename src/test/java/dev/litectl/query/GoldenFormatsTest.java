package dev.litectl.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.litectl.testing.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins every output format byte for byte (golden files in src/test/resources/dev/litectl/query/golden): the
 * corpus, reals (1e-7, 0.1, 1e300, -0.0, infinity), blobs, and an empty result. A mismatch leaves the actual
 * output in target/golden-actual/ for review.
 */
class GoldenFormatsTest {
    static final String SQL = """
            SELECT id, "naïve txt", num FROM corpus ORDER BY id;
            SELECT 1e-7 AS tiny, 0.1 AS tenth, 1e300 AS huge, -0.0 AS negzero, 9e999 AS inf, 2.5 AS plain,
                   x'00ff10' AS blob, x'' AS empty_blob, NULL AS nul;
            SELECT 1 AS a, 'x' AS b WHERE 0;
            """;

    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void corpus() throws Exception {
        db = Corpus.create(dir.resolve("corpus.db"));
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void formatMatchesItsGoldenFile(OutputFormat format) throws IOException {
        Cli.Result r = new Cli(dir).run("--db", db.toString(), "query", "--format", format.label(), SQL);
        assertEquals(0, r.code(), r.toString());
        String expected = golden(format);
        if (!r.out().equals(expected)) {
            Path actual = Path.of("target", "golden-actual", format.label() + ".txt");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, r.out(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, r.out());
    }

    private static String golden(OutputFormat format) throws IOException {
        try (InputStream in = GoldenFormatsTest.class.getResourceAsStream("golden/" + format.label() + ".txt")) {
            return in == null ? "(no golden file)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
