package dev.litectl.migrate;

import dev.litectl.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code litectl_migrations} table: one row per applied migration, with the up and down SQL as they were
 * when it was applied. The newest version is mirrored into {@code PRAGMA user_version} when it fits SQLite's
 * 32-bit field (timestamp versions do not; then user_version is 0).
 */
public final class HistoryTable {
    public static final String NAME = "litectl_migrations";

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS litectl_migrations (
              version      INTEGER PRIMARY KEY,
              name         TEXT NOT NULL,
              checksum     TEXT NOT NULL,
              up_sql       TEXT NOT NULL,
              down_sql     TEXT,
              applied_at   TEXT NOT NULL,
              duration_ms  INTEGER NOT NULL,
              up_options   TEXT NOT NULL DEFAULT '',
              down_options TEXT NOT NULL DEFAULT ''
            )""";

    private final Database db;

    public HistoryTable(Database db) {
        this.db = db;
    }

    /** True when the table exists. */
    public boolean exists() throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void create() throws SQLException {
        db.execute(CREATE);
    }

    /** Every applied migration in version order; empty when the table does not exist. */
    public List<AppliedMigration> list() throws SQLException {
        List<AppliedMigration> out = new ArrayList<>();
        if (!exists()) {
            return out;
        }
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT version, name, checksum, up_sql, down_sql, up_options, down_options, "
                     + "applied_at, duration_ms FROM litectl_migrations ORDER BY version")) {
            while (rs.next()) {
                out.add(new AppliedMigration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9)));
            }
        }
        return out;
    }

    boolean isApplied(long version) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT 1 FROM litectl_migrations WHERE version = ?")) {
            ps.setLong(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void insert(MigrationFile m, String appliedAt, long durationMs) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "INSERT INTO litectl_migrations (version, name, checksum, up_sql, down_sql, applied_at, duration_ms, "
                        + "up_options, down_options) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, m.version());
            ps.setString(2, m.name());
            ps.setString(3, m.checksum());
            ps.setString(4, m.up().sql());
            ps.setString(5, m.down() == null ? null : m.down().sql());
            ps.setString(6, appliedAt);
            ps.setLong(7, durationMs);
            ps.setString(8, m.up().options());
            ps.setString(9, m.down() == null ? "" : m.down().options());
            ps.executeUpdate();
        }
    }

    void delete(long version) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM litectl_migrations WHERE version = ?")) {
            ps.setLong(1, version);
            ps.executeUpdate();
        }
    }

    /** The newest applied version, 0 when none. */
    public long currentVersion() throws SQLException {
        return exists() ? db.queryLong("SELECT coalesce(max(version), 0) FROM litectl_migrations") : 0;
    }

    /** What {@code PRAGMA user_version} should say for a newest version. */
    public static long expectedUserVersion(long newestVersion) {
        return newestVersion <= Integer.MAX_VALUE ? newestVersion : 0;
    }

    /** Sets {@code PRAGMA user_version} from the history (inside the caller's transaction). */
    void syncUserVersion() throws SQLException {
        db.execute("PRAGMA user_version = " + expectedUserVersion(currentVersion()));
    }
}
