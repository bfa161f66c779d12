package dev.litectl.admin;

import dev.litectl.db.Database;
import dev.litectl.db.LitectlException;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Opens a copy, runs {@code integrity_check}, and compares its row counts with the source's. */
final class CopyVerifier {
    private CopyVerifier() {}

    /** The integrity_check messages of {@code file} (empty when it is intact); {@code quick} runs quick_check. */
    static List<String> integrity(Database db, boolean quick) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery(quick ? "PRAGMA quick_check" : "PRAGMA integrity_check")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }

    /**
     * Verifies the copy at {@code copy}: intact, and (when {@code expected} is given) the same row count in
     * every table. Returns the copy's counts; throws {@link LitectlException} naming the first difference.
     */
    static Map<String, Long> verify(Path copy, Map<String, Long> expected, String what) {
        try (Database db = Database.open(copy, OpenMode.READ_WRITE, 0)) {
            db.execute("PRAGMA query_only = 1");
            List<String> problems = integrity(db, false);
            if (!problems.isEmpty()) {
                throw new LitectlException(what + ": the copy failed integrity_check: " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            }
            Map<String, Long> counts = TableCounts.count(db);
            if (expected != null && !counts.equals(expected)) {
                for (Map.Entry<String, Long> e : expected.entrySet()) {
                    Long got = counts.get(e.getKey());
                    if (!e.getValue().equals(got)) {
                        throw new LitectlException(what + ": the copy differs from the source: table " + e.getKey()
                                + " has " + (got == null ? "no table" : got + " rows") + ", the source had " + e.getValue());
                    }
                }
                throw new LitectlException(what + ": the copy differs from the source: tables " + counts.keySet()
                        + " instead of " + expected.keySet());
            }
            return counts;
        } catch (SQLException e) {
            throw SqliteErrors.translate(what + ": cannot verify the copy", e);
        }
    }
}
