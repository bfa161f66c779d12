package dev.litectl.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An UPDATE being built (see {@link Sql#update}); refuses to build without a WHERE unless {@link #all()} says so. */
public final class Update {
    private final String table;
    private final Map<String, Object> sets = new LinkedHashMap<>();
    private final List<Condition> where = new ArrayList<>();
    private boolean all;

    Update(String table) {
        this.table = Identifiers.quote(table);
    }

    /** Sets {@code column} to the bound {@code value}. */
    public Update set(String column, Object value) {
        sets.put(Identifiers.quote(column), value);
        return this;
    }

    /** Adds a WHERE condition; several calls are joined with AND. */
    public Update where(Condition c) {
        where.add(c);
        return this;
    }

    /** Allows an UPDATE without WHERE: every row. */
    public Update all() {
        all = true;
        return this;
    }

    public Query build() {
        if (sets.isEmpty()) {
            throw new IllegalStateException("UPDATE needs at least one set(column, value)");
        }
        if (where.isEmpty() && !all) {
            throw new IllegalStateException("UPDATE without where(...) changes every row: call all() to mean it");
        }
        List<String> parts = new ArrayList<>();
        for (String c : sets.keySet()) {
            parts.add(c + " = ?");
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ").append(String.join(", ", parts));
        List<Object> params = new ArrayList<>(sets.values());
        Select.appendConditions(sql, " WHERE ", where, params);
        return new Query(sql.toString(), params);
    }
}
