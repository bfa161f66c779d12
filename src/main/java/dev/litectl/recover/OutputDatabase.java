package dev.litectl.recover;

import dev.litectl.recover.RecoverResult.SchemaFailure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The new database being rebuilt, in a temporary file: the input's settings (encoding, page size,
 * user_version, application_id), then tables and UNIQUE indexes, the data, the orphan rows, and last the
 * other indexes, views and triggers, so that no trigger fires on recovered rows. One transaction, no journal:
 * the file is thrown away if anything fails, and only renamed into place when complete.
 */
final class OutputDatabase implements AutoCloseable {
    private final Connection connection;
    private final List<SchemaFailure> failures = new ArrayList<>();
    private int created;

    OutputDatabase(Path file, PageReader input) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = connection.createStatement()) {
            String encoding = switch (input.encoding()) {
                case 2 -> "UTF-16le";
                case 3 -> "UTF-16be";
                default -> "UTF-8";
            };
            s.execute("PRAGMA encoding = '" + encoding + "'");
            s.execute("PRAGMA page_size = " + input.pageSize());
            if (input.autoVacuum()) {
                s.execute("PRAGMA auto_vacuum = " + (input.headerInt(64) != 0 ? "INCREMENTAL" : "FULL"));
            }
            s.execute("PRAGMA journal_mode = OFF");
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("PRAGMA user_version = " + (int) input.headerInt(60));
            s.execute("PRAGMA application_id = " + (int) input.headerInt(68));
        }
        connection.setAutoCommit(false);
    }

    Connection connection() {
        return connection;
    }

    /** Runs one schema statement; a failure is recorded, not thrown. */
    boolean create(SchemaEntry e) {
        try (Statement s = connection.createStatement()) {
            if (e.isVirtual()) {
                s.execute("PRAGMA writable_schema = ON");
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO sqlite_schema VALUES ('table', ?, ?, 0, ?)")) {
                    ps.setString(1, e.name());
                    ps.setString(2, e.name());
                    ps.setString(3, e.sql());
                    ps.executeUpdate();
                }
                s.execute("PRAGMA writable_schema = OFF");
            } else {
                s.execute(e.sql());
            }
            created++;
            return true;
        } catch (SQLException ex) {
            failures.add(new SchemaFailure(e.type(), e.name(), firstLine(ex.getMessage())));
            return false;
        }
    }

    /**
     * The name under which the table just created exists in the new database: the schema row's name when it
     * matches (up to case), else the newest table (the name column may be damaged while the SQL is intact).
     */
    String createdTable(String name) throws SQLException {
        if (name != null) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' "
                        + "AND name <> 'sqlite_sequence' ORDER BY rowid DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    boolean exists(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM sqlite_schema WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Creates {@code lost_and_found} (or the first free {@code lost_and_found_N}) with {@code fields} value columns. */
    String createLostAndFound(int fields) throws SQLException {
        String name = "lost_and_found";
        for (int i = 0; exists(name); i++) {
            name = "lost_and_found_" + i;
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE " + TableWriter.quote(name)
                + "(rootpgno INTEGER, pgno INTEGER, nfield INTEGER, id INTEGER");
        for (int i = 0; i < fields; i++) {
            sql.append(", c").append(i);
        }
        try (Statement s = connection.createStatement()) {
            s.execute(sql.append(')').toString());
        }
        return name;
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Commits, then switches to WAL when the input was in WAL mode (outside the transaction, as SQLite needs). */
    void finish(boolean wal) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
        if (wal) {
            execute("PRAGMA journal_mode = WAL");
        }
    }

    List<SchemaFailure> failures() {
        return failures;
    }

    int created() {
        return created;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
