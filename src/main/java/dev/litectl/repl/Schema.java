package dev.litectl.repl;

import dev.litectl.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table and view names of the database and their columns, for completion; reloaded after DDL. */
final class Schema {
    private final Database db;
    private volatile Map<String, List<String>> columns = Map.of();

    Schema(Database db) {
        this.db = db;
    }

    void reload() {
        Map<String, List<String>> next = new LinkedHashMap<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') "
                     + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                next.put(rs.getString(1), new ArrayList<>());
            }
        } catch (SQLException e) {
            return;
        }
        for (Map.Entry<String, List<String>> t : next.entrySet()) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                ps.setString(1, t.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        t.getValue().add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                // a view over a missing table has no columns to offer
            }
        }
        columns = next;
    }

    List<String> tables() {
        return List.copyOf(columns.keySet());
    }

    /** The columns of {@code table} (case-insensitive), empty when there is no such table. */
    List<String> columns(String table) {
        for (Map.Entry<String, List<String>> t : columns.entrySet()) {
            if (t.getKey().equalsIgnoreCase(table)) {
                return t.getValue();
            }
        }
        return List.of();
    }
}
