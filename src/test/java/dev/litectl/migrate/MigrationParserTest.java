package dev.litectl.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationParserTest {
    @TempDir
    Path dir;

    private List<MigrationFile> load(String... nameAndText) throws IOException {
        for (int i = 0; i < nameAndText.length; i += 2) {
            Files.writeString(dir.resolve(nameAndText[i]), nameAndText[i + 1]);
        }
        return MigrationSource.directory(dir).load();
    }

    @Test
    void upAndDownSectionsWithOptionsAndLineNumbers() throws IOException {
        MigrationFile m = load("002-add.sql", "-- comment\n-- migrate:up no-transaction\nVACUUM;\n-- migrate:down foreign-keys on\nDELETE FROM x;\n").get(0);
        assertEquals(2, m.version());
        assertEquals("add", m.name());
        assertTrue(m.up().noTransaction());
        assertTrue(m.down().foreignKeysOn());
        assertEquals(3, m.up().statements().get(0).line());
        assertEquals(5, m.down().statements().get(0).line());
    }

    @Test
    void fileWithoutMarkersIsAllUpAndHasNoDown() throws IOException {
        MigrationFile m = load("1_plain.sql", "CREATE TABLE a (x);\n").get(0);
        assertNull(m.down());
        assertEquals(1, m.up().statements().size());
    }

    @Test
    void timestampVersionsAndUnderscoreNamesAreRead() throws IOException {
        MigrationFile m = load("20240131120000_add_users.sql", "-- migrate:up\nSELECT 1;\n").get(0);
        assertEquals(20240131120000L, m.version());
        assertEquals("add_users", m.name());
    }

    @Test
    void upDownPairsAreMerged() throws IOException {
        List<MigrationFile> ms = load("003_users.up.sql", "CREATE TABLE u (x);", "003_users.down.sql", "DROP TABLE u;");
        assertEquals(1, ms.size());
        assertEquals("DROP TABLE u;", ms.get(0).down().statements().get(0).sql());
    }

    @Test
    void misspelledMarkerIsAnErrorNamingFileAndLine() throws IOException {
        var e = assertThrows(MigrationException.class,
                () -> load("001-a.sql", "-- migrate:up\nCREATE TABLE a (x);\n-- migrate:dwon\nDROP TABLE a;\n"));
        assertTrue(e.getMessage().contains("001-a.sql:3"), e.getMessage());
        assertTrue(e.getMessage().contains("migrate:dwon"), e.getMessage());
    }

    @Test
    void unknownMarkerOptionIsAnError() throws IOException {
        var e = assertThrows(MigrationException.class, () -> load("001-a.sql", "-- migrate:up no-transation\nSELECT 1;\n"));
        assertTrue(e.getMessage().contains("no-transation"), e.getMessage());
    }

    @Test
    void duplicateVersionsAreRefusedNamingBothFiles() throws IOException {
        var e = assertThrows(MigrationException.class, () -> load("001-a.sql", "SELECT 1;", "1_b.sql", "SELECT 2;"));
        assertTrue(e.getMessage().contains("001-a.sql") && e.getMessage().contains("1_b.sql"), e.getMessage());
    }

    @Test
    void transactionControlAndForeignKeyPragmaAreRefusedInTransactionalMigrations() throws IOException {
        var fk = assertThrows(MigrationException.class, () -> load("001-a.sql", "-- migrate:up\nSELECT 1;\nPRAGMA foreign_keys = OFF;\n"));
        assertTrue(fk.getMessage().contains("001-a.sql:3") && fk.getMessage().contains("foreign_keys"), fk.getMessage());
        Files.delete(dir.resolve("001-a.sql"));
        var begin = assertThrows(MigrationException.class, () -> load("001-b.sql", "BEGIN;\nSELECT 1;\nCOMMIT;\n"));
        assertTrue(begin.getMessage().contains("BEGIN"), begin.getMessage());
    }

    @Test
    void transactionControlIsAllowedInNoTransactionMigrations() throws IOException {
        assertEquals(1, load("001-a.sql", "-- migrate:up no-transaction\nBEGIN;\nSELECT 1;\nCOMMIT;\n").size());
    }

    @Test
    void checksumIgnoresLineEndingsBomAndTrailingBlanks() {
        String a = Checksums.of("CREATE TABLE a (x);\nSELECT 1;\n");
        assertEquals(a, Checksums.of("\uFEFFCREATE TABLE a (x);  \r\nSELECT 1;\r\n\r\n"));
        assertFalse(a.equals(Checksums.of("CREATE TABLE a (y);\nSELECT 1;\n")));
    }

    @Test
    void builtinSchemaIndexListsExactlyTheFilesInTheMigrationsFolder() throws IOException {
        Path folder = Path.of("migrations");
        List<String> files;
        try (var s = Files.list(folder)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        List<String> index = Files.readAllLines(folder.resolve("index")).stream().filter(l -> !l.isBlank()).sorted().toList();
        assertEquals(files, index, "migrations/index is out of date: regenerate with (cd migrations && ls *.sql > index)");
        assertEquals(files.size(), MigrationSource.builtin().load().size());
    }
}
