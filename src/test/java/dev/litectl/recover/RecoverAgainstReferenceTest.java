package dev.litectl.recover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.litectl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corruption corpus: each case damages a database the test built, then runs the reference shell's
 * {@code .recover} (piped into a fresh database) and {@code litectl recover} on it, and requires litectl to
 * recover every row the reference recovers, with equal values, without touching its input.
 */
class RecoverAgainstReferenceTest {
    @TempDir
    static Path dir;
    static Path base;
    static Path walCopy;
    static Path autoVacuum;
    static int walCommittedPeople;

    interface Damage {
        byte[] apply(byte[] file) throws Exception;
    }

    @BeforeAll
    static void buildCorpus() throws Exception {
        ReferenceShell.path();
        base = dir.resolve("base.db");
        Corpus.build(base);
        autoVacuum = dir.resolve("auto-vacuum.db");
        Corpus.build(autoVacuum, true);
        walCopy = dir.resolve("wal-copy.db");
        walCommittedPeople = Corpus.buildWal(dir.resolve("wal.db"), walCopy);
    }

    static int peopleLeaf() throws Exception {
        List<Integer> p = Corpus.pages(base, "people", "leaf");
        return p.get(p.size() / 2);
    }

    static int peopleInterior() throws Exception {
        List<Integer> p = Corpus.pages(base, "people", "internal");
        return p.get(p.size() - 1);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                damage("truncated at a page boundary", f -> java.util.Arrays.copyOf(f, f.length / Corpus.PAGE * 6 / 10 * Corpus.PAGE)),
                damage("truncated between page boundaries", f -> java.util.Arrays.copyOf(f, f.length / Corpus.PAGE * 6 / 10 * Corpus.PAGE + 333)),
                damage("a zeroed table leaf page", f -> {
                    Corpus.zeroPage(f, peopleLeaf());
                    return f;
                }),
                damage("a zeroed interior page", f -> {
                    Corpus.zeroPage(f, peopleInterior());
                    return f;
                }),
                damage("random bytes flipped in leaf pages", f -> {
                    Corpus.flip(f, peopleLeaf(), 8, 6, 1);
                    Corpus.flip(f, Corpus.pages(base, "plain", "leaf").get(1), 8, 6, 2);
                    Corpus.flip(f, Corpus.pages(base, "blobs", "leaf").get(1), 8, 6, 3);
                    return f;
                }),
                damage("random bytes flipped in an interior page", f -> {
                    Corpus.flip(f, peopleInterior(), 0, 8, 4);
                    return f;
                }),
                damage("random bytes flipped in every leaf of plain (seed 11)", f -> flipAll(f, "plain", "leaf", 11)),
                damage("random bytes flipped in every leaf of blobs (seed 12)", f -> flipAll(f, "blobs", "leaf", 12)),
                damage("random bytes flipped in every leaf of people (seed 13)", f -> flipAll(f, "people", "leaf", 13)),
                damage("random bytes flipped in every interior page of people (seed 14)", f -> flipAll(f, "people", "internal", 14)),
                damage("random bytes flipped in every overflow page of notes (seed 15)", f -> flipAll(f, "notes", "overflow", 15)),
                damage("a damaged page-size field", f -> {
                    f[16] = 0x12;
                    f[17] = 0x34;
                    return f;
                }),
                damage("a damaged header on page 1", f -> {
                    byte[] junk = new byte[84];
                    new java.util.Random(5).nextBytes(junk);
                    System.arraycopy(junk, 0, f, 16, 84);
                    return f;
                }),
                damage("a damaged magic string and header", f -> {
                    byte[] junk = new byte[100];
                    new java.util.Random(6).nextBytes(junk);
                    System.arraycopy(junk, 0, f, 0, 100);
                    return f;
                }),
                damage("a damaged sqlite_schema", f -> {
                    Corpus.flip(f, 1, 100, 12, 7);
                    return f;
                }),
                damage("a zeroed sqlite_schema", f -> {
                    java.util.Arrays.fill(f, 100, Corpus.PAGE, (byte) 0);
                    return f;
                }),
                damage("a freelist loop", f -> {
                    long trunk = Corpus.u32(f, 32);
                    assertTrue(trunk > 0, "the corpus has a freelist");
                    Corpus.putU32(f, (int) (trunk - 1) * Corpus.PAGE, trunk);
                    return f;
                }),
                Arguments.of("an overflow chain that loops", (Damage) f -> {
                    for (int p : Corpus.pages(base, "notes", "overflow")) {
                        long next = Corpus.u32(f, (p - 1) * Corpus.PAGE);
                        if (next != 0) {
                            Corpus.putU32(f, (p - 1) * Corpus.PAGE, p);
                            return f;
                        }
                    }
                    throw new IllegalStateException("no overflow chain of two pages in notes");
                }, true, false));
    }

    static byte[] flipAll(byte[] f, String table, String type, long seed) throws Exception {
        long s = seed;
        for (int p : Corpus.pages(base, table, type)) {
            Corpus.flip(f, p, p == 1 ? 100 : 0, 4, s++);
        }
        return f;
    }

    static Arguments damage(String name, Damage d) {
        return Arguments.of(name, d, false, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void litectlRecoversEveryRowTheReferenceRecovers(String name, Damage damage, boolean loop, boolean wal)
            throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve(name.replaceAll("[^a-z0-9]+", "-")));
        Path input = caseDir.resolve("input.db");
        Files.write(input, damage.apply(Files.readAllBytes(base)));
        JsonNode report = compare(caseDir, input, loop);
        if (loop) {
            long loops = 0;
            for (JsonNode t : report.get("tables")) {
                loops += t.get("overflow_loops").asLong();
            }
            assertTrue(loops >= 1, "the looping overflow chain is detected: " + report);
        }
        if (name.contains("freelist")) {
            assertTrue(report.get("freelist_loop").asBoolean(), report.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walCases")
    void litectlAppliesOnlyTheCommittedFramesOfTheWal(String name, boolean damageFrame) throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve(name.replaceAll("[^a-z0-9]+", "-")));
        Path input = caseDir.resolve("input.db");
        Files.copy(walCopy, input);
        byte[] wal = Files.readAllBytes(walCopy.resolveSibling("wal-copy.db-wal"));
        if (damageFrame) {
            int frame = 24 + Corpus.PAGE;
            int fifth = 32 + frame * 5 + 24 + 100;
            wal[fifth] ^= 0x55;
        }
        Files.write(caseDir.resolve("input.db-wal"), wal);
        JsonNode report = compare(caseDir, input, false);
        Path mine = caseDir.resolve("litectl.db");
        if (TableComparison.tables(mine).contains("people")) {
            assertEquals(0, countUncommitted(mine), "no uncommitted row is recovered");
        }
        if (!damageFrame) {
            assertEquals(walCommittedPeople, TableComparison.count(mine, "people"));
            assertTrue(report.get("wal_frames_applied").asInt() > 0);
        }
    }

    @ParameterizedTest(name = "random bytes flipped in random pages (and a page zeroed, a truncation), seed {0}")
    @MethodSource("sweepSeeds")
    void litectlRecoversEveryRowTheReferenceRecoversWhateverPagesAreHit(long seed) throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve("sweep-" + seed));
        Path input = caseDir.resolve("input.db");
        byte[] f = Files.readAllBytes(base);
        java.util.Random r = new java.util.Random(seed);
        int pages = f.length / Corpus.PAGE;
        for (int i = 0; i < 6; i++) {
            int page = 1 + r.nextInt(pages);
            Corpus.flip(f, page, page == 1 ? 100 : 0, 1 + r.nextInt(6), r.nextLong());
        }
        if (seed % 3 == 0) {
            Corpus.zeroPage(f, 2 + r.nextInt(pages - 1));
        }
        if (seed % 5 == 0) {
            f = java.util.Arrays.copyOf(f, Corpus.PAGE + r.nextInt(f.length - Corpus.PAGE));
        }
        Files.write(input, f);
        compare(caseDir, input, true);
    }

    /** Seeds 100..111 by default; -Drecover.sweep.from/count (or .seeds=a,b,c) for a longer sweep. */
    static Stream<Long> sweepSeeds() {
        String list = System.getProperty("recover.sweep.seeds");
        if (list != null) {
            return Stream.of(list.split(",")).map(Long::valueOf);
        }
        return Stream.iterate(Long.getLong("recover.sweep.from", 100L), s -> s + 1).limit(Long.getLong("recover.sweep.count", 12L));
    }

    @ParameterizedTest(name = "auto-vacuum database: {0}")
    @MethodSource("autoVacuumCases")
    void litectlRecoversEveryRowTheReferenceRecoversFromAnAutoVacuumDatabase(String name, String table, String type,
            boolean zero) throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve("av-" + name.replaceAll("[^a-z0-9]+", "-")));
        Path input = caseDir.resolve("input.db");
        byte[] f = Files.readAllBytes(autoVacuum);
        List<Integer> pages = Corpus.pages(autoVacuum, table, type);
        int page = pages.get(pages.size() / 2);
        if (zero) {
            Corpus.zeroPage(f, page);
        } else {
            Corpus.flip(f, page, 0, 8, 21);
        }
        Files.write(input, f);
        compare(caseDir, input, false);
    }

    static Stream<Arguments> autoVacuumCases() {
        return Stream.of(Arguments.of("a zeroed interior page", "people", "internal", true),
                Arguments.of("a zeroed leaf page", "notes", "leaf", true),
                Arguments.of("random bytes flipped in a leaf page", "plain", "leaf", false));
    }

    static Stream<Arguments> walCases() {
        return Stream.of(Arguments.of("a WAL with committed and uncommitted frames", false),
                Arguments.of("a WAL with a damaged frame", true));
    }

    private static long countUncommitted(Path db) throws Exception {
        try (var c = Corpus.connect(db); var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM people WHERE name LIKE 'uncommitted%'")) {
            return rs.getLong(1);
        }
    }

    /** Runs both recoveries on {@code input} and asserts litectl covers the reference; returns litectl's report. */
    private static JsonNode compare(Path caseDir, Path input, boolean allowPrefix) throws Exception {
        byte[] before = digest(input);
        Path ref = caseDir.resolve("reference.db");
        ReferenceShell.recover(input, ref);
        Path mine = caseDir.resolve("litectl.db");
        Cli.Result r = new Cli(caseDir).run("--db", input.toString(), "recover", "--to", mine.toString(), "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode report = new ObjectMapper().readTree(r.out());
        List<String> problems = TableComparison.uncovered(ref, mine, allowPrefix);
        assertEquals(List.of(), problems, "litectl misses rows the reference recovered");
        long refRows = 0;
        for (String t : TableComparison.tables(ref)) {
            refRows += t.contains("\uFFFD") ? 0 : TableComparison.count(ref, t);
        }
        long mineRows = 0;
        for (String t : TableComparison.tables(mine)) {
            mineRows += TableComparison.count(mine, t);
        }
        System.out.printf("%s: reference %d rows, litectl %d rows%n", caseDir.getFileName(), refRows, mineRows);
        assertTrue(mineRows >= refRows, "litectl " + mineRows + " rows, reference " + refRows);
        assertArrayEquals(before, digest(input), "the input is never modified");
        return report;
    }

    private static byte[] digest(Path p) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(Files.readAllBytes(p));
        Path wal = p.resolveSibling(p.getFileName() + "-wal");
        if (Files.exists(wal)) {
            md.update(Files.readAllBytes(wal));
        }
        return md.digest();
    }
}
