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

/**
 * Checks a database read-only: {@code integrity_check} (or {@code quick_check}) and {@code foreign_key_check},
 * every problem a {@link CheckFinding}. A file so damaged that SQLite reports it corrupt is a finding, not an
 * error; a missing or unreadable file throws {@link LitectlException}. Migration state is the migration
 * engine's to check (the {@code check} command adds it).
 */
public final class Check {
    private Check() {}

    /** Checks {@code database}; see the class contract. */
    public static CheckResult run(Path database, boolean quick, int busyTimeoutMs) {
        long start = System.nanoTime();
        Path db = database.toAbsolutePath().normalize();
        List<CheckFinding> findings = new ArrayList<>();
        try (Database conn = Database.open(db, OpenMode.READ_ONLY, busyTimeoutMs)) {
            try {
                for (String problem : CopyVerifier.integrity(conn, quick)) {
                    findings.add(new CheckFinding("integrity", null, problem));
                }
                foreignKeys(conn, findings);
            } catch (SQLException e) {
                if (!isCorrupt(e)) {
                    throw SqliteErrors.translate("check " + db, e);
                }
                findings.add(new CheckFinding("integrity", null, "database disk image is malformed: " + SqliteErrors.message(e)));
            }
        } catch (LitectlException e) {
            if (!(e.getCause() instanceof SQLException se) || !isCorrupt(se)) {
                throw e;
            }
            findings.add(new CheckFinding("integrity", null, "cannot open the database: " + SqliteErrors.message(se)));
        }
        return new CheckResult(db, quick, List.copyOf(findings), (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean isCorrupt(SQLException e) {
        int code = SqliteErrors.primaryCode(e);
        return code == SqliteErrors.CORRUPT || code == SqliteErrors.NOTADB;
    }

    private static void foreignKeys(Database conn, List<CheckFinding> findings) throws SQLException {
        try (Statement s = conn.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                String table = rs.getString(1);
                Object rowid = rs.getObject(2);
                String parent = rs.getString(3);
                findings.add(new CheckFinding("foreign_key", table, (rowid == null ? "a row (WITHOUT ROWID)" : "rowid " + rowid)
                        + " of " + table + " references a missing row of " + parent + " (foreign key " + rs.getLong(4) + ")"));
            }
        }
    }
}
