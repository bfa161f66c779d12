package dev.litectl.recover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Inserts recovered records into one table of the new database, mapping record fields to columns as SQLite
 * stores them: the rowid into {@code _rowid_} and an INTEGER PRIMARY KEY column, virtual generated columns
 * skipped, WITHOUT ROWID tables in their primary-key order. A record with fewer fields fills the first
 * columns only (the rest take their defaults); duplicates and rows a constraint refuses are counted, not fatal.
 */
final class TableWriter implements AutoCloseable {
    private static final Pattern WITHOUT_ROWID = Pattern.compile("without\\s+rowid", Pattern.CASE_INSENSITIVE);

    private record Column(String name, int field, boolean rowidAlias, boolean writable) {}

    private final Connection connection;
    private final String table;
    private final boolean rowidTable;
    private final List<Column> columns = new ArrayList<>();
    private final Map<Integer, PreparedStatement> inserts = new HashMap<>();
    private long rows;
    private long rejected;

    TableWriter(Connection connection, String table, String sql) throws SQLException {
        this.connection = connection;
        this.table = table;
        this.rowidTable = sql == null || !WITHOUT_ROWID.matcher(sql).find();
        List<String[]> info = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT name, upper(type), pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    info.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        long pkCount = info.stream().filter(c -> !"0".equals(c[2])).count();
        Map<String, Integer> pkOrder = rowidTable ? Map.of() : primaryKeyOrder();
        int field = 0;
        for (String[] c : info) {
            int hidden = Integer.parseInt(c[3]);
            boolean virtual = hidden == 2;
            boolean alias = rowidTable && pkCount == 1 && "1".equals(c[2]) && "INTEGER".equals(c[1]);
            int f = rowidTable ? (virtual ? -1 : field++) : pkOrder.getOrDefault(c[0], -1);
            columns.add(new Column(c[0], f, alias, hidden != 2 && hidden != 3));
        }
    }

    /** Record field of each column of a WITHOUT ROWID table: key columns first, then the others. */
    private Map<String, Integer> primaryKeyOrder() throws SQLException {
        Map<String, Integer> order = new HashMap<>();
        String index = null;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT name FROM pragma_index_list(?) WHERE origin = 'pk'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    index = rs.getString(1);
                }
            }
        }
        if (index == null) {
            return order;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT name FROM pragma_index_xinfo(?) ORDER BY seqno")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name != null) {
                        order.putIfAbsent(name, i);
                    }
                    i++;
                }
            }
        }
        return order;
    }

    /** Inserts one record; a record with no fields is skipped, as SQLite's recovery does. */
    void insert(boolean hasRowid, long rowid, List<Object> values) {
        int n = Math.min(values.size(), columns.size());
        if (values.isEmpty()) {
            return;
        }
        boolean raw = false;
        for (Object v : values) {
            raw |= v instanceof RawText;
        }
        try {
            PreparedStatement ps = raw ? connection.prepareStatement(sql(n, values)) : statement(n, values);
            try {
                int i = 1;
                if (rowidTable) {
                    if (hasRowid) {
                        ps.setLong(i++, rowid);
                    } else {
                        ps.setNull(i++, java.sql.Types.NULL);
                    }
                }
                for (int c = 0; c < n; c++) {
                    Column col = columns.get(c);
                    if (!col.writable) {
                        continue;
                    }
                    if (col.rowidAlias && hasRowid) {
                        ps.setLong(i++, rowid);
                    } else {
                        bind(ps, i++, col.field >= 0 && col.field < values.size() ? values.get(col.field) : null);
                    }
                }
                if (ps.executeUpdate() == 1) {
                    rows++;
                } else {
                    rejected++;
                }
            } finally {
                if (raw) {
                    ps.close();
                }
            }
        } catch (SQLException e) {
            rejected++;
        }
    }

    private PreparedStatement statement(int n, List<Object> values) throws SQLException {
        PreparedStatement ps = inserts.get(n);
        if (ps == null) {
            ps = connection.prepareStatement(sql(n, values));
            inserts.put(n, ps);
        }
        return ps;
    }

    private String sql(int n, List<Object> values) {
        StringBuilder cols = new StringBuilder();
        StringBuilder binds = new StringBuilder();
        if (rowidTable) {
            cols.append("_rowid_");
            binds.append('?');
        }
        for (int c = 0; c < n; c++) {
            Column col = columns.get(c);
            if (!col.writable) {
                continue;
            }
            if (cols.length() > 0) {
                cols.append(", ");
                binds.append(", ");
            }
            cols.append(quote(col.name));
            boolean raw = col.field >= 0 && col.field < values.size() && values.get(col.field) instanceof RawText;
            binds.append(raw ? "CAST(? AS TEXT)" : "?");
        }
        return "INSERT OR IGNORE INTO " + quote(table) + "(" + cols + ") VALUES (" + binds + ")";
    }

    static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.NULL);
        } else if (v instanceof Long l) {
            ps.setLong(i, l);
        } else if (v instanceof Double d) {
            ps.setDouble(i, d);
        } else if (v instanceof String s) {
            ps.setString(i, s);
        } else if (v instanceof byte[] b) {
            ps.setBytes(i, b);
        } else if (v instanceof RawText t) {
            ps.setBytes(i, t.bytes());
        } else {
            ps.setString(i, v.toString());
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    long rows() {
        return rows;
    }

    long rejected() {
        return rejected;
    }

    String table() {
        return table;
    }

    /** Empties {@code sqlite_sequence} before its own rows are restored (inserts with AUTOINCREMENT filled it). */
    static void clearSequence(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM sqlite_sequence");
        }
    }

    @Override
    public void close() {
        for (PreparedStatement ps : inserts.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // closing a statement of a connection about to close: nothing to do
            }
        }
    }
}
