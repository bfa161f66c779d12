package dev.litectl.migrate;

import dev.litectl.db.Database;
import dev.litectl.db.SqlStatement;
import dev.litectl.db.SqliteErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays the CREATE, DROP and ALTER TABLE RENAME statements of the applied migrations to know which tables,
 * indexes, views and triggers should exist, and compares that with {@code sqlite_schema}.
 */
public final class SchemaVerifier {
    private static final String NAME = "(?:\"((?:[^\"]|\"\")+)\"|\\[([^\\]]+)\\]|`([^`]+)`|([\\w$]+))";
    private static final String QUALIFIED = "(?:" + NAME + "\\s*\\.\\s*)?" + NAME;
    private static final Pattern CREATE = Pattern.compile(
            "^CREATE\\s+(?:(TEMP|TEMPORARY)\\s+)?(?:UNIQUE\\s+|VIRTUAL\\s+)?(TABLE|INDEX|VIEW|TRIGGER)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + QUALIFIED + "(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ON = Pattern.compile("\\bON\\s+" + QUALIFIED, Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP = Pattern.compile(
            "^DROP\\s+(TABLE|INDEX|VIEW|TRIGGER)\\s+(?:IF\\s+EXISTS\\s+)?" + QUALIFIED, Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME = Pattern.compile(
            "^ALTER\\s+TABLE\\s+" + QUALIFIED + "\\s+RENAME\\s+TO\\s+" + NAME, Pattern.CASE_INSENSITIVE);

    /** A schema object: type (table, index, view, trigger), name, and for indexes and triggers the table. */
    public record SchemaObject(String type, String name, String table) {}

    /** The comparison: what the migrations declare, what the database has, and what is missing. */
    public record Verification(List<SchemaObject> declared, List<SchemaObject> missing, boolean jsonWorks,
                               int tables, int indexes, int views, int triggers) {
        public boolean ok() {
            return missing.isEmpty() && jsonWorks;
        }
    }

    private SchemaVerifier() {}

    /** Objects the up sections of {@code migrations}, in order, leave behind. */
    public static List<SchemaObject> declared(List<MigrationFile> migrations) {
        Map<String, SchemaObject> objects = new TreeMap<>();
        for (MigrationFile m : migrations) {
            for (SqlStatement st : m.up().statements()) {
                replay(st.sql(), objects);
            }
        }
        return List.copyOf(objects.values());
    }

    private static void replay(String sql, Map<String, SchemaObject> objects) {
        Matcher c = CREATE.matcher(sql);
        if (c.find()) {
            if (c.group(1) != null) {
                return; // temporary objects do not outlive the connection
            }
            String type = c.group(2).toLowerCase(Locale.ROOT);
            String name = name(c, 7);
            String table = null;
            if (type.equals("index") || type.equals("trigger")) {
                Matcher on = ON.matcher(c.group(11));
                if (on.find()) {
                    table = name(on, 5);
                }
            }
            objects.put(key(name), new SchemaObject(type, name, table));
            return;
        }
        Matcher d = DROP.matcher(sql);
        if (d.find()) {
            String name = name(d, 6);
            objects.remove(key(name));
            if (d.group(1).equalsIgnoreCase("table")) {
                objects.values().removeIf(o -> o.table() != null && o.table().equalsIgnoreCase(name));
            }
            return;
        }
        Matcher r = RENAME.matcher(sql);
        if (r.find()) {
            String from = name(r, 5);
            String to = name(r, 9);
            SchemaObject old = objects.remove(key(from));
            if (old != null) {
                objects.put(key(to), new SchemaObject(old.type(), to, null));
            }
            for (var e : new ArrayList<>(objects.entrySet())) {
                SchemaObject o = e.getValue();
                if (o.table() != null && o.table().equalsIgnoreCase(from)) {
                    objects.put(e.getKey(), new SchemaObject(o.type(), o.name(), to));
                }
            }
        }
    }

    private static String name(Matcher m, int firstGroup) {
        for (int g = firstGroup; g < firstGroup + 4; g++) {
            if (m.group(g) != null) {
                return g == firstGroup ? m.group(g).replace("\"\"", "\"") : m.group(g);
            }
        }
        throw new IllegalStateException("name pattern matched without a name");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Compares what {@code migrations} declare with what {@code db} holds, and checks that JSON functions work. */
    public static Verification verify(Database db, List<MigrationFile> migrations) {
        List<SchemaObject> declared = declared(migrations);
        Map<String, String> actual = new TreeMap<>();
        int[] counts = new int[4];
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                String type = rs.getString(1);
                actual.put(key(rs.getString(2)), type);
                switch (type) {
                    case "table" -> counts[0]++;
                    case "index" -> counts[1]++;
                    case "view" -> counts[2]++;
                    case "trigger" -> counts[3]++;
                    default -> { }
                }
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate("cannot read the schema of " + db.path(), e);
        }
        List<SchemaObject> missing = new ArrayList<>();
        for (Iterator<SchemaObject> it = declared.iterator(); it.hasNext(); ) {
            SchemaObject o = it.next();
            if (!o.type().equals(actual.get(key(o.name())))) {
                missing.add(o);
            }
        }
        boolean json;
        try {
            json = db.queryLong("SELECT json_valid('{\"a\":[1,2]}') AND json_extract('{\"a\":[1,2]}', '$.a[1]') = 2") == 1;
        } catch (SQLException e) {
            json = false;
        }
        return new Verification(declared, missing, json, counts[0], counts[1], counts[2], counts[3]);
    }
}
