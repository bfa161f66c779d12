package dev.litectl.db;

import java.util.Locale;
import java.util.Set;

/**
 * A select-list or HAVING operand that is more than a column: an aggregate over a checked column, optionally
 * with an alias. Built only from checked identifiers and a fixed list of functions, so it carries no values.
 */
public final class Expr {
    private static final Set<String> FUNCTIONS = Set.of("count", "sum", "total", "avg", "min", "max", "lower", "upper", "length");
    private final String sql;
    private final String alias;

    private Expr(String sql, String alias) {
        this.sql = sql;
        this.alias = alias;
    }

    /** A plain column. */
    public static Expr col(String name) {
        return new Expr(Identifiers.column(name), null);
    }

    /** {@code count(*)}. */
    public static Expr count() {
        return new Expr("count(*)", null);
    }

    /** {@code fn(column)} for fn in count, sum, total, avg, min, max, lower, upper, length. */
    public static Expr fn(String function, String column) {
        String f = function == null ? "" : function.toLowerCase(Locale.ROOT);
        if (!FUNCTIONS.contains(f)) {
            throw new IllegalArgumentException("function " + function + " is not one of " + FUNCTIONS);
        }
        return new Expr(f + "(" + Identifiers.column(column) + ")", null);
    }

    public static Expr sum(String column) {
        return fn("sum", column);
    }

    public static Expr avg(String column) {
        return fn("avg", column);
    }

    public static Expr min(String column) {
        return fn("min", column);
    }

    public static Expr max(String column) {
        return fn("max", column);
    }

    /** This expression named {@code alias} in the result. */
    public Expr as(String alias) {
        return new Expr(sql, Identifiers.quote(alias));
    }

    /** The expression without its alias (for WHERE, HAVING, ORDER BY). */
    String sql() {
        return sql;
    }

    /** The expression as a select-list item, with its alias. */
    String selectItem() {
        return alias == null ? sql : sql + " AS " + alias;
    }

    @Override
    public String toString() {
        return selectItem();
    }
}
