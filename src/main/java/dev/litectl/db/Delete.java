package dev.litectl.db;

import java.util.ArrayList;
import java.util.List;

/** A DELETE being built (see {@link Sql#deleteFrom}); refuses to build without a WHERE unless {@link #all()} says so. */
public final class Delete {
    private final String table;
    private final List<Condition> where = new ArrayList<>();
    private boolean all;

    Delete(String table) {
        this.table = Identifiers.quote(table);
    }

    /** Adds a WHERE condition; several calls are joined with AND. */
    public Delete where(Condition c) {
        where.add(c);
        return this;
    }

    /** Allows a DELETE without WHERE: every row. */
    public Delete all() {
        all = true;
        return this;
    }

    public Query build() {
        if (where.isEmpty() && !all) {
            throw new IllegalStateException("DELETE without where(...) removes every row: call all() to mean it");
        }
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table);
        List<Object> params = new ArrayList<>();
        Select.appendConditions(sql, " WHERE ", where, params);
        return new Query(sql.toString(), params);
    }
}
