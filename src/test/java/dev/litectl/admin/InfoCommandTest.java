package dev.litectl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.litectl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonListsHeaderFactsAndEveryTableAndIndexWithRowsAndBytes() throws Exception {
        Path db = Fixtures.database(dir, "app.db", 1500);
        Cli.Result r = new Cli(dir).run("--db", db.toString(), "info", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode j = Fixtures.json(r.out());
        for (String k : new String[] {"database", "file_bytes", "wal_bytes", "page_size", "page_count", "free_pages", "encoding",
                "journal_mode", "auto_vacuum", "user_version", "application_id", "schema_version", "sqlite_version", "tables",
                "indexes", "views", "triggers", "sizes_from_dbstat", "objects"}) {
            assertTrue(j.has(k), "info JSON lacks " + k);
        }
        assertEquals(4096, j.get("page_size").asLong());
        assertEquals("wal", j.get("journal_mode").asText());
        assertEquals("UTF-8", j.get("encoding").asText());
        assertTrue(j.get("sizes_from_dbstat").asBoolean());
        long pageBytes = 0;
        for (JsonNode o : j.get("objects")) {
            assertEquals(1500, o.get("rows").asLong(), o.toString());
            assertTrue(o.get("bytes").asLong() > 0);
            pageBytes += o.get("pages").asLong();
            if (o.get("type").asText().equals("index")) {
                assertEquals("t_payload", o.get("name").asText());
                assertEquals("t", o.get("table").asText());
            }
        }
        assertEquals(2, j.get("objects").size());
        assertTrue(pageBytes < j.get("page_count").asLong());
        Cli.Result text = new Cli(dir).run("--db", db.toString(), "info");
        assertEquals(0, text.code());
        assertTrue(text.out().contains("journal mode") && text.out().contains("t_payload"), text.out());
    }

    @Test
    void aMissingOrNonSQLiteFileIsAOneLineError() throws Exception {
        Cli.Result r = new Cli(dir).run("--db", dir.resolve("none.db").toString(), "info");
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.errLines());
        assertTrue(!Files.exists(dir.resolve("none.db")));
        Files.writeString(dir.resolve("x.db"), "not sqlite at all");
        assertEquals(1, new Cli(dir).run("--db", dir.resolve("x.db").toString(), "info").code());
    }
}
