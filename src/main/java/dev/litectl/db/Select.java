package dev.litectl.db;

import java.util.ArrayList;
import java.util.List;

/** A SELECT being built (see {@link Sql#select}). Each call returns this builder; {@link #build()} makes the query. */
public final class Select {
    private final List<String> columns = new ArrayList<>();
    private String from;
    private final List<String> joins = new ArrayList<>();
    private final List<Object> joinParams = new ArrayList<>();
    private final List<Condition> where = new ArrayList<>();
    private final List<String> groupBy = new ArrayList<>();
    private final List<Condition> having = new ArrayList<>();
    private final List<String> orderBy = new ArrayList<>();
    private Long limit;
    private Long offset;
    private boolean distinct;

    Select(Object... cols) {
        for (Object c : cols) {
            if (c instanceof String s) {
                columns.add(Identifiers.column(s));
            } else if (c instanceof Expr e) {
                columns.add(e.selectItem());
            } else {
                throw new IllegalArgumentException("a column is a name or an Expr, not " + c);
            }
        }
    }

    public Select distinct() {
        distinct = true;
        return this;
    }

    public Select from(String table) {
        from = Identifiers.quote(table);
        return this;
    }

    public Select from(String table, String alias) {
        from = Identifiers.quote(table) + " AS " + Identifiers.quote(alias);
        return this;
    }

    public Select join(String table, String alias, Condition on) {
        return addJoin("JOIN", table, alias, on);
    }

    public Select leftJoin(String table, String alias, Condition on) {
        return addJoin("LEFT JOIN", table, alias, on);
    }

    private Select addJoin(String kind, String table, String alias, Condition on) {
        joins.add(kind + " " + Identifiers.quote(table) + " AS " + Identifiers.quote(alias) + " ON " + on.sql());
        joinParams.addAll(on.params());
        return this;
    }

    /** Adds a WHERE condition; several calls are joined with AND. */
    public Select where(Condition c) {
        where.add(c);
        return this;
    }

    public Select groupBy(String... cols) {
        for (String c : cols) {
            groupBy.add(Identifiers.quote(c));
        }
        return this;
    }

    /** Adds a HAVING condition; several calls are joined with AND. */
    public Select having(Condition c) {
        having.add(c);
        return this;
    }

    public Select orderBy(String column) {
        orderBy.add(Identifiers.quote(column));
        return this;
    }

    public Select orderByDesc(String column) {
        orderBy.add(Identifiers.quote(column) + " DESC");
        return this;
    }

    public Select orderBy(Expr e, boolean descending) {
        orderBy.add(e.sql() + (descending ? " DESC" : ""));
        return this;
    }

    public Select limit(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + n);
        }
        limit = n;
        return this;
    }

    public Select offset(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, not " + n);
        }
        offset = n;
        return this;
    }

    public Query build() {
        if (from == null) {
            throw new IllegalStateException("SELECT needs from(table)");
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        if (distinct) {
            sql.append("DISTINCT ");
        }
        sql.append(columns.isEmpty() ? "*" : String.join(", ", columns)).append(" FROM ").append(from);
        List<Object> params = new ArrayList<>(joinParams);
        for (String j : joins) {
            sql.append(' ').append(j);
        }
        appendConditions(sql, " WHERE ", where, params);
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        appendConditions(sql, " HAVING ", having, params);
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", orderBy));
        }
        if (limit != null || offset != null) {
            sql.append(" LIMIT ?");
            params.add(limit == null ? -1L : limit);
        }
        if (offset != null) {
            sql.append(" OFFSET ?");
            params.add(offset);
        }
        return new Query(sql.toString(), params);
    }

    static void appendConditions(StringBuilder sql, String keyword, List<Condition> conds, List<Object> params) {
        if (conds.isEmpty()) {
            return;
        }
        Condition all = Condition.and(conds.toArray(new Condition[0]));
        sql.append(keyword).append(all.sql());
        params.addAll(all.params());
    }
}
