package dev.litectl.db;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps result rows to maps or records: a record component matches a column of the same name or its snake_case. */
final class RowMapper {
    private RowMapper() {}

    static List<Map<String, Object>> maps(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                row.put(labels[i], rs.getObject(i + 1));
            }
            rows.add(row);
        }
        return rows;
    }

    static <R extends Record> List<R> records(ResultSet rs, Class<R> type) throws SQLException {
        RecordComponent[] components = type.getRecordComponents();
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.putIfAbsent(md.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        int[] index = new int[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            String name = components[c].getName();
            Integer col = columns.get(name.toLowerCase(Locale.ROOT));
            if (col == null) {
                col = columns.get(snakeCase(name));
            }
            if (col == null) {
                throw new IllegalArgumentException("no column " + snakeCase(name) + " for " + type.getSimpleName() + "." + name
                        + " (columns: " + String.join(", ", columns.keySet()) + ")");
            }
            index[c] = col;
            types[c] = components[c].getType();
        }
        Constructor<R> ctor;
        try {
            ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot construct " + type.getName() + ": " + e.getMessage(), e);
        }
        List<R> out = new ArrayList<>();
        Object[] args = new Object[components.length];
        while (rs.next()) {
            for (int c = 0; c < components.length; c++) {
                args[c] = value(rs, index[c], types[c]);
            }
            try {
                out.add(ctor.newInstance(args));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot construct " + type.getName() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Object value(ResultSet rs, int col, Class<?> t) throws SQLException {
        if (t == long.class) {
            return rs.getLong(col);
        } else if (t == int.class) {
            return rs.getInt(col);
        } else if (t == double.class) {
            return rs.getDouble(col);
        } else if (t == boolean.class) {
            return rs.getLong(col) != 0;
        }
        Object v = rs.getObject(col);
        if (v == null || t == Object.class) {
            return v;
        } else if (t == String.class) {
            return v instanceof byte[] ? new String((byte[]) v, java.nio.charset.StandardCharsets.UTF_8) : v.toString();
        } else if (t == Long.class) {
            return ((Number) v).longValue();
        } else if (t == Integer.class) {
            return ((Number) v).intValue();
        } else if (t == Double.class) {
            return ((Number) v).doubleValue();
        } else if (t == Boolean.class) {
            return ((Number) v).longValue() != 0;
        } else if (t == byte[].class) {
            return rs.getBytes(col);
        } else if (t.isEnum()) {
            return enumValue(t, v.toString());
        }
        throw new IllegalArgumentException("cannot map a column to " + t.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> t, String stored) {
        return Enum.valueOf((Class<? extends Enum>) t, stored.toUpperCase(Locale.ROOT));
    }

    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
