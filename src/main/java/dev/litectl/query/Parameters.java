package dev.litectl.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the parameters of a statement ({@code ?}, {@code ?NNN}, {@code :name}, {@code @name}, {@code $name},
 * outside strings and comments) and numbers them the way SQLite does, so values can be bound by name
 * through JDBC's positional API. A value that reads as a decimal integer is bound as an INTEGER, anything
 * else as TEXT; values are always bound, never spliced into the SQL.
 */
final class Parameters {
    private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,18}");

    private Parameters() {}

    /** Parameter key (name without its prefix, or the index for {@code ?NNN}/{@code ?}) → SQLite's index. */
    static Map<String, Integer> of(String sql) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        Map<String, Integer> keys = new LinkedHashMap<>();
        int max = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = sql.indexOf(close, i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '?') {
                int start = ++i;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                int index = start == i ? max + 1 : Integer.parseInt(sql.substring(start, Math.min(i, start + 9)));
                max = Math.max(max, index);
                keys.putIfAbsent(String.valueOf(index), index);
            } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && isNameChar(sql.charAt(i + 1))) {
                int start = i++;
                while (i < n && isNameChar(sql.charAt(i))) {
                    i++;
                }
                String full = sql.substring(start, i);
                Integer index = byName.get(full);
                if (index == null) {
                    index = ++max;
                    byName.put(full, index);
                }
                keys.putIfAbsent(full.substring(1), index);
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                // skip whole words, so that a name like a$b is not read as a parameter
                while (i < n && (isNameChar(sql.charAt(i)) || sql.charAt(i) == '$')) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return keys;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Binds each of {@code values} that the statement uses; returns the keys it used. */
    static Set<String> bind(PreparedStatement ps, String sql, Map<String, String> values) throws SQLException {
        Set<String> used = new TreeSet<>();
        if (values.isEmpty()) {
            return used;
        }
        for (Map.Entry<String, Integer> p : of(sql).entrySet()) {
            String value = values.get(p.getKey());
            if (value == null) {
                continue;
            }
            used.add(p.getKey());
            if (INTEGER.matcher(value).matches() && fitsInLong(value)) {
                ps.setLong(p.getValue(), Long.parseLong(value));
            } else {
                ps.setString(p.getValue(), value);
            }
        }
        return used;
    }

    private static boolean fitsInLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
