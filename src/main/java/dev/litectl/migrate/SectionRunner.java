package dev.litectl.migrate;

import dev.litectl.db.Database;
import dev.litectl.db.SqlStatement;
import dev.litectl.db.SqliteErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs a migration section statement by statement, naming file and line when one fails, and checks foreign keys. */
final class SectionRunner {
    private final Database db;

    SectionRunner(Database db) {
        this.db = db;
    }

    /** Runs every statement of {@code section}; a failure is a MigrationException naming {@code source}:line. */
    void run(Section section, String source) throws SQLException {
        for (SqlStatement st : section.statements()) {
            try (Statement s = db.connection().createStatement()) {
                s.execute(st.sql());
            } catch (SQLException e) {
                if (SqliteErrors.isBusy(e) || SqliteErrors.primaryCode(e) == SqliteErrors.INTERRUPT) {
                    throw e;
                }
                String msg = SqliteErrors.message(e);
                String hint = msg.contains("within a transaction")
                        ? " (mark the section '-- migrate:up no-transaction' to run it outside one)" : "";
                throw new MigrationException(source + ":" + st.line() + ": " + msg + hint, e);
            }
        }
    }

    /** The rows of {@code PRAGMA foreign_key_check}, as "child rowid N -> parent". */
    List<String> foreignKeyViolations() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " rowid " + rs.getString(2) + " -> " + rs.getString(3));
            }
        }
        return out;
    }

    /** Whether foreign key enforcement is on for this connection. */
    boolean foreignKeysOn() throws SQLException {
        return db.queryLong("PRAGMA foreign_keys") == 1;
    }

    void setForeignKeys(boolean on) throws SQLException {
        db.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
    }

    static String describe(List<String> violations) {
        String first = String.join(", ", violations.subList(0, Math.min(3, violations.size())));
        String more = violations.size() > 3 ? ", ..." : "";
        return violations.size() + " foreign key violation" + (violations.size() == 1 ? "" : "s") + " (" + first + more + ")";
    }
}
