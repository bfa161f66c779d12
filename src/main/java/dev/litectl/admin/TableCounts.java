package dev.litectl.admin;

import dev.litectl.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts of every ordinary table (not SQLite's internal tables, not virtual tables), in name order. */
final class TableCounts {
    private TableCounts() {}

    static List<String> tables(Database db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' "
                     + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static Map<String, Long> count(Database db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : tables(db)) {
            counts.put(t, db.queryLong("SELECT count(*) FROM " + quote(t)));
        }
        return counts;
    }

    /** An identifier quoted for SQL: double quotes, inner quotes doubled. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
