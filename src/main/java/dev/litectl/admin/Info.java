package dev.litectl.admin;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.db.SqliteErrors;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a database, read-only and in one read transaction: the header facts of {@code .dbinfo} from
 * pragmas, and every table and index with its rows ({@code count(*)}; index entries from {@code dbstat}) and
 * bytes on disk (from the {@code dbstat} virtual table, which sqlite-jdbc builds in). Failures throw
 * {@link dev.litectl.db.LitectlException}.
 */
public final class Info {
    private static final String[] AUTO_VACUUM = {"none", "full", "incremental"};

    private Info() {}

    /** Describes {@code database}; see the class contract. */
    public static InfoResult run(Path database, int busyTimeoutMs) {
        Path db = database.toAbsolutePath().normalize();
        try (Database conn = Database.open(db, OpenMode.READ_ONLY, busyTimeoutMs)) {
            conn.execute("BEGIN");
            try {
                Map<String, long[]> sizes = dbstat(conn);
                List<InfoObject> objects = new ArrayList<>();
                int[] kinds = new int[4];
                try (Statement s = conn.connection().createStatement();
                     ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type DESC, tbl_name, name")) {
                    while (rs.next()) {
                        String type = rs.getString(1);
                        String name = rs.getString(2);
                        switch (type) {
                            case "table" -> kinds[0]++;
                            case "index" -> kinds[1]++;
                            case "view" -> kinds[2]++;
                            default -> kinds[3]++;
                        }
                        boolean virtual = rs.getString(4).toUpperCase(java.util.Locale.ROOT).startsWith("CREATE VIRTUAL");
                        if (("table".equals(type) && !virtual) || "index".equals(type)) {
                            objects.add(new InfoObject(name, type, "index".equals(type) ? rs.getString(3) : null, 0, null, null));
                        }
                    }
                }
                List<InfoObject> filled = new ArrayList<>();
                for (InfoObject o : objects) {
                    long[] sz = sizes == null ? null : sizes.get(o.name());
                    long rows = "table".equals(o.type()) ? conn.queryLong("SELECT count(*) FROM " + TableCounts.quote(o.name()))
                            : sz != null ? sz[2] : 0;
                    filled.add(new InfoObject(o.name(), o.type(), o.table(), rows, sz == null ? (sizes == null ? null : 0L) : sz[0],
                            sz == null ? (sizes == null ? null : 0L) : sz[1]));
                }
                long autoVacuum = conn.queryLong("PRAGMA auto_vacuum");
                return new InfoResult(db, Vacuum.size(db), Vacuum.size(SnapshotCopy.sidecar(db, "-wal")),
                        conn.queryLong("PRAGMA page_size"), conn.queryLong("PRAGMA page_count"),
                        conn.queryLong("PRAGMA freelist_count"), conn.queryString("PRAGMA encoding"),
                        conn.queryString("PRAGMA journal_mode"),
                        autoVacuum >= 0 && autoVacuum < 3 ? AUTO_VACUUM[(int) autoVacuum] : String.valueOf(autoVacuum),
                        conn.queryLong("PRAGMA user_version"), conn.queryLong("PRAGMA application_id"),
                        conn.queryLong("PRAGMA schema_version"), conn.queryString("SELECT sqlite_version()"),
                        kinds[0], kinds[1], kinds[2], kinds[3], sizes != null, List.copyOf(filled));
            } finally {
                conn.rollbackQuietly();
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate("info " + db, e);
        }
    }

    /**
     * Per b-tree: bytes, pages, and entries (cells of interior and leaf pages, which for an index are its
     * entries); null when dbstat is not compiled in.
     */
    private static Map<String, long[]> dbstat(Database conn) throws SQLException {
        Map<String, long[]> sizes = new HashMap<>();
        try (Statement s = conn.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT name, sum(pgsize), count(*), sum(ncell) FROM dbstat GROUP BY name")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return null;
            }
            throw e;
        }
        return sizes;
    }
}
