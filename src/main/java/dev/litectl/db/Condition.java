package dev.litectl.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A WHERE, ON or HAVING condition: SQL over checked identifiers with a {@code ?} per value, and the values.
 * Combine with {@link #and}, {@link #or} and {@link #not}; each part is parenthesised, so precedence is the
 * nesting of the calls.
 */
public final class Condition {
    private final String sql;
    private final List<Object> params;

    private Condition(String sql, List<Object> params) {
        this.sql = sql;
        this.params = params;
    }

    String sql() {
        return sql;
    }

    List<Object> params() {
        return params;
    }

    private static Condition compare(String lhs, String op, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("comparing " + lhs + " " + op + " NULL is never true: use isNull/isNotNull");
        }
        return new Condition(lhs + " " + op + " ?", List.of(value));
    }

    public static Condition eq(String column, Object value) {
        return compare(Identifiers.quote(column), "=", value);
    }

    public static Condition ne(String column, Object value) {
        return compare(Identifiers.quote(column), "<>", value);
    }

    public static Condition lt(String column, Object value) {
        return compare(Identifiers.quote(column), "<", value);
    }

    public static Condition le(String column, Object value) {
        return compare(Identifiers.quote(column), "<=", value);
    }

    public static Condition gt(String column, Object value) {
        return compare(Identifiers.quote(column), ">", value);
    }

    public static Condition ge(String column, Object value) {
        return compare(Identifiers.quote(column), ">=", value);
    }

    /** {@code expr op ?}, for HAVING over an aggregate; {@code op} is one of = <> < <= > >=. */
    public static Condition compare(Expr expr, String op, Object value) {
        if (!List.of("=", "<>", "<", "<=", ">", ">=").contains(op)) {
            throw new IllegalArgumentException("operator " + op + " is not one of = <> < <= > >=");
        }
        return compare(expr.sql(), op, value);
    }

    /** {@code column LIKE ?} (case-insensitive for ASCII, {@code %} and {@code _} wildcards in the pattern). */
    public static Condition like(String column, String pattern) {
        return compare(Identifiers.quote(column), "LIKE", pattern);
    }

    /** {@code column IN (?, ?, …)}; an empty collection matches nothing. */
    public static Condition in(String column, Collection<?> values) {
        return inList(column, values, false);
    }

    /** {@code column NOT IN (?, ?, …)}; an empty collection matches every row. */
    public static Condition notIn(String column, Collection<?> values) {
        return inList(column, values, true);
    }

    private static Condition inList(String column, Collection<?> values, boolean negate) {
        String col = Identifiers.quote(column);
        if (values.isEmpty()) {
            return new Condition(negate ? "1 = 1" : "1 = 0", List.of());
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sb = new StringBuilder(col).append(negate ? " NOT IN (" : " IN (");
        for (Object v : values) {
            if (v == null) {
                throw new IllegalArgumentException("IN list for " + column + " contains NULL: use isNull");
            }
            sb.append(params.isEmpty() ? "?" : ", ?");
            params.add(v);
        }
        return new Condition(sb.append(')').toString(), params);
    }

    public static Condition isNull(String column) {
        return new Condition(Identifiers.quote(column) + " IS NULL", List.of());
    }

    public static Condition isNotNull(String column) {
        return new Condition(Identifiers.quote(column) + " IS NOT NULL", List.of());
    }

    /** {@code a = b} between two columns, for JOIN … ON. */
    public static Condition columnsEqual(String a, String b) {
        return new Condition(Identifiers.quote(a) + " = " + Identifiers.quote(b), List.of());
    }

    public static Condition and(Condition... parts) {
        return join(" AND ", parts);
    }

    public static Condition or(Condition... parts) {
        return join(" OR ", parts);
    }

    public static Condition not(Condition c) {
        return new Condition("NOT (" + c.sql + ")", c.params);
    }

    private static Condition join(String op, Condition... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("and/or needs at least one condition");
        }
        if (parts.length == 1) {
            return parts[0];
        }
        StringBuilder sb = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Condition p : parts) {
            if (sb.length() > 0) {
                sb.append(op);
            }
            sb.append('(').append(p.sql).append(')');
            params.addAll(p.params);
        }
        return new Condition(sb.toString(), params);
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
