package dev.litectl.stress;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads back every acknowledged write and runs {@code integrity_check}, in one read transaction. */
final class Verifier {
    static final int MAX_LISTED = 1000;

    private Verifier() {}

    /** Per table, the query whose first column is the row's version (or 1 when only presence is checked). */
    private static String lookup(String table) {
        return switch (table) {
            case "sessions" -> "SELECT coalesce(json_extract(state, '$.version'), -2) FROM sessions WHERE id = ?";
            case "cache" -> "SELECT coalesce(json_extract(value, '$.version'), -2) FROM cache WHERE key = ?";
            case "messages", "tool_executions", "telemetry" -> "SELECT -1 FROM " + table + " WHERE id = ?";
            default -> throw new IllegalArgumentException("no verification query for table " + table);
        };
    }

    static Verification verify(Path path, Map<String, Map<String, Long>> acknowledged, int busyTimeoutMs) {
        try (Database db = Database.open(path, OpenMode.READ_ONLY, busyTimeoutMs)) {
            String integrity = integrity(db);
            List<LostWrite> lost = new ArrayList<>();
            long lostCount = 0;
            long total = 0;
            db.execute("BEGIN");
            try {
                for (var table : acknowledged.entrySet()) {
                    boolean numeric = !table.getKey().equals("sessions") && !table.getKey().equals("cache");
                    try (PreparedStatement ps = db.connection().prepareStatement(lookup(table.getKey()))) {
                        for (var k : table.getValue().entrySet()) {
                            total++;
                            String problem = check(ps, numeric, k.getKey(), k.getValue());
                            if (problem != null) {
                                lostCount++;
                                if (lost.size() < MAX_LISTED) {
                                    lost.add(new LostWrite(table.getKey(), k.getKey(), problem));
                                }
                            }
                        }
                    }
                }
            } finally {
                db.rollbackQuietly();
            }
            return new Verification(integrity, total, lostCount, List.copyOf(lost));
        } catch (SQLException e) {
            throw SqliteErrors.translate("stress-test: verification of " + path, e);
        }
    }

    private static String check(PreparedStatement ps, boolean numeric, String key, long expected) throws SQLException {
        if (numeric) {
            ps.setLong(1, Long.parseLong(key));
        } else {
            ps.setString(1, key);
        }
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return "row missing";
            }
            long version = rs.getLong(1);
            if (expected >= 0 && version != expected) {
                return "version " + version + " found, " + expected + " acknowledged";
            }
            return null;
        }
    }

    private static String integrity(Database db) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check(20)")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        return String.join("; ", problems);
    }
}
