package dev.litectl.db;

import java.util.regex.Pattern;

/**
 * Checks and quotes identifiers for the query builder: a name is one or two dot-separated parts
 * ({@code table} or {@code alias.column}), each a letter or underscore followed by letters, digits and
 * underscores. Anything else (a quote, a space, a semicolon, a comment marker) is refused, never escaped.
 */
public final class Identifiers {
    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Identifiers() {}

    /** {@code name} quoted ({@code "alias"."column"}); throws {@link IllegalArgumentException} for a bad name. */
    public static String quote(String name) {
        if (name == null) {
            throw new IllegalArgumentException("identifier must not be null");
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("invalid identifier " + printable(name) + ": at most one dot (alias.column)");
        }
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (!PART.matcher(p).matches()) {
                throw new IllegalArgumentException("invalid identifier " + printable(name)
                        + ": use letters, digits and underscores, starting with a letter or underscore");
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append('"').append(p).append('"');
        }
        return out.toString();
    }

    /** A select-list column: {@code *}, {@code alias.*} or a checked identifier. */
    static String column(String name) {
        if ("*".equals(name)) {
            return "*";
        }
        if (name != null && name.endsWith(".*")) {
            return quote(name.substring(0, name.length() - 2)) + ".*";
        }
        return quote(name);
    }

    private static String printable(String s) {
        return "'" + s.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
