package dev.litectl.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code .info}: the file, its page size and counts, journal mode, schema version and the tables with row counts. */
final class InfoCommand {
    private final Repl repl;

    InfoCommand(Repl repl) {
        this.repl = repl;
    }

    void run() throws SQLException {
        var db = repl.db;
        long size;
        try {
            size = Files.size(db.path());
        } catch (IOException e) {
            size = -1;
        }
        long pageSize = db.queryLong("PRAGMA page_size");
        long pages = db.queryLong("PRAGMA page_count");
        long free = db.queryLong("PRAGMA freelist_count");
        List<Object[]> facts = new ArrayList<>();
        facts.add(new Object[] {"file", db.path().toString()});
        facts.add(new Object[] {"size_bytes", size});
        facts.add(new Object[] {"page_size", pageSize});
        facts.add(new Object[] {"page_count", pages});
        facts.add(new Object[] {"freelist_count", free});
        facts.add(new Object[] {"journal_mode", db.queryString("PRAGMA journal_mode")});
        facts.add(new Object[] {"user_version", db.queryLong("PRAGMA user_version")});
        facts.add(new Object[] {"sqlite_version", db.queryString("SELECT sqlite_version()")});
        repl.writer().write(new String[] {"property", "value"}, facts);
        List<Object[]> tables = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String t : names) {
            tables.add(new Object[] {t, db.queryLong("SELECT count(*) FROM \"" + t.replace("\"", "\"\"") + "\"")});
        }
        repl.writer().write(new String[] {"table", "rows"}, tables);
    }
}
