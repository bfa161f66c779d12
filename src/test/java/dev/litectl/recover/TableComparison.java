package dev.litectl.recover;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two databases table by table, each value as {@code typeof:hex} so that bytes, not their
 * rendering, are compared. Rowid tables are keyed by rowid; WITHOUT ROWID tables and lost_and_found (minus
 * its rootpgno column, which only names the orphan tree's top page) are compared as multisets of rows.
 */
final class TableComparison {
    private TableComparison() {}

    /** Tables of a database, except SQLite's own. */
    static List<String> tables(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = Corpus.connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Row key → row (values as typeof:hex), with a counter suffix on keys of multiset tables. */
    static Map<String, List<String>> rows(Path db, String table) throws SQLException {
        try (Connection c = Corpus.connect(db)) {
            List<String> cols = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM pragma_table_info(?) ORDER BY cid")) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        cols.add(rs.getString(1));
                    }
                }
            }
            boolean lost = table.startsWith("lost_and_found");
            if (lost) {
                cols.remove("rootpgno");
            }
            boolean rowid = !lost && hasRowid(c, table);
            StringBuilder sql = new StringBuilder("SELECT ").append(rowid ? "_rowid_" : "NULL");
            for (String col : cols) {
                String q = "\"" + col.replace("\"", "\"\"") + "\"";
                sql.append(", typeof(").append(q).append(") || ':' || hex(").append(q).append(")");
            }
            sql.append(" FROM \"").append(table.replace("\"", "\"\"")).append('"');
            Map<String, List<String>> out = new TreeMap<>();
            Map<String, Integer> seen = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 2; i <= cols.size() + 1; i++) {
                        row.add(rs.getString(i));
                    }
                    String key = rowid ? rs.getString(1) : String.join("|", row);
                    if (!rowid) {
                        key = key + "#" + seen.merge(key, 1, Integer::sum);
                    }
                    out.put(key, row);
                }
            }
            return out;
        }
    }

    private static boolean hasRowid(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT wr FROM pragma_table_list WHERE name = ?")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getInt(1) == 0;
            }
        }
    }

    /**
     * The differences that make {@code mine} fail to cover {@code reference}: a row missing, or a value
     * different. With {@code allowPrefix}, a value of mine of the same type that is a prefix of the
     * reference's counts as equal (a looping overflow chain: the reference repeats the loop up to the
     * declared length, litectl stops at the loop).
     */
    static List<String> uncovered(Path reference, Path mine, boolean allowPrefix) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> mineTables = tables(mine);
        for (String table : tables(reference)) {
            if (table.contains("\uFFFD") || columns(reference, table).stream().anyMatch(c -> c.contains("\uFFFD"))) {
                // a name that damage made invalid UTF-8: the reference keeps its raw bytes, which no SQL text
                // from Java can name; litectl creates it with the bad bytes replaced
                continue;
            }
            if (!mineTables.contains(table)) {
                problems.add("table " + table + " is missing");
                continue;
            }
            Map<String, List<String>> ref = rows(reference, table);
            Map<String, List<String>> got = rows(mine, table);
            for (var e : ref.entrySet()) {
                List<String> g = got.get(e.getKey());
                if (g == null && e.getKey().contains("#")) {
                    // a multiset row whose text the reference cut at a NUL: look for it among litectl's rows
                    g = got.values().stream().filter(row -> equalUpToNul(row, e.getValue())).findFirst().orElse(null);
                }
                if (g == null && table.startsWith("lost_and_found")
                        && (inSomeTable(mine, e.getValue()) || indexEntryOfKnownRow(mine, e.getValue()))) {
                    continue;
                }
                if (g == null) {
                    problems.add(table + ": row " + e.getKey() + " missing");
                } else if (!g.equals(e.getValue()) && !equalUpToNul(g, e.getValue()) && !(allowPrefix && prefixes(g, e.getValue()))) {
                    problems.add(table + ": row " + e.getKey() + " differs: " + abbreviate(g) + " vs " + abbreviate(e.getValue()));
                }
                if (problems.size() > 20) {
                    return problems;
                }
            }
        }
        return problems;
    }

    static List<String> columns(Path db, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Connection c = Corpus.connect(db);
                PreparedStatement p = c.prepareStatement("SELECT name FROM pragma_table_info(?) ORDER BY cid")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        return cols;
    }

    /**
     * Whether an orphan row of the reference's lost_and_found is an index entry (no id; its last field the
     * rowid of the table row it indexes) for a row litectl has in a table: where the reference lost an index's
     * schema row, litectl may not have, and the index is rebuilt from the table anyway.
     */
    private static boolean indexEntryOfKnownRow(Path mine, List<String> lost) throws SQLException {
        String rowid = null;
        for (String v : lost.subList(3, lost.size())) {
            if (v != null && v.startsWith("integer:")) {
                rowid = new String(java.util.HexFormat.of().parseHex(v.substring(8)), java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
        if (!"null:".equals(lost.get(2)) || rowid == null) {
            return false;
        }
        for (String table : tables(mine)) {
            if (!table.startsWith("lost_and_found") && rows(mine, table).containsKey(rowid)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an orphan row of the reference's lost_and_found ([pgno, nfield, id, c0, ...]) is, in litectl's
     * output, a row of a real table: where the reference could not recreate a table, litectl may have.
     * A NULL field matches anything (an INTEGER PRIMARY KEY is stored as NULL in its record).
     */
    private static boolean inSomeTable(Path mine, List<String> lost) throws SQLException {
        int nfield = Integer.parseInt(new String(java.util.HexFormat.of().parseHex(lost.get(1).substring(8)),
                java.nio.charset.StandardCharsets.US_ASCII));
        List<String> fields = lost.subList(3, 3 + nfield);
        for (String table : tables(mine)) {
            if (table.startsWith("lost_and_found") || columns(mine, table).size() != nfield) {
                continue;
            }
            for (List<String> row : rows(mine, table).values()) {
                boolean match = true;
                for (int i = 0; i < nfield && match; i++) {
                    match = fields.get(i).equals("null:") || fields.get(i).equals(row.get(i));
                }
                if (match) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The reference passes its rows through SQL text, where a text value ends at its first NUL byte; litectl
     * keeps the whole value. Equal when the reference's value is litectl's cut at that NUL.
     */
    static boolean equalUpToNul(List<String> mine, List<String> ref) {
        if (mine.size() != ref.size()) {
            return false;
        }
        for (int i = 0; i < mine.size(); i++) {
            String m = mine.get(i);
            String r = ref.get(i);
            if (m != null && r != null && !m.equals(r) && m.startsWith("text:")) {
                int nul = m.indexOf("00", 5);
                while (nul >= 0 && (nul - 5) % 2 != 0) {
                    nul = m.indexOf("00", nul + 1);
                }
                if (nul < 0 || !m.substring(0, nul).equals(r)) {
                    return false;
                }
            } else if (m == null ? r != null : !m.equals(r)) {
                return false;
            }
        }
        return true;
    }

    private static boolean prefixes(List<String> mine, List<String> ref) {
        for (int i = 0; i < mine.size(); i++) {
            String m = mine.get(i);
            String r = ref.get(i);
            if (m == null ? r != null : !(m.equals(r) || r != null && r.startsWith(m)
                    && m.substring(0, m.indexOf(':')).equals(r.substring(0, r.indexOf(':'))))) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(List<String> row) {
        String s = row.stream().map(v -> v == null || v.length() < 60 ? v
                : v.substring(0, 40) + "...(" + v.length() + ")..." + v.substring(v.length() - 16)).toList().toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    static long count(Path db, String table) throws SQLException {
        try (Connection c = Corpus.connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            return rs.getLong(1);
        }
    }
}
