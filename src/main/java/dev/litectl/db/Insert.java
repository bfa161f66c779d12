package dev.litectl.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An INSERT being built (see {@link Sql#insertInto}), with an optional upsert clause. */
public final class Insert {
    private final String table;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> conflictTarget = new ArrayList<>();
    private List<String> updateOnConflict;
    private boolean doNothing;

    Insert(String table) {
        this.table = Identifiers.quote(table);
    }

    /** Sets {@code column} to the bound {@code value} (null binds NULL). */
    public Insert value(String column, Object value) {
        String c = Identifiers.quote(column);
        if (values.containsKey(c)) {
            throw new IllegalArgumentException("column " + column + " is set twice");
        }
        values.put(c, value);
        return this;
    }

    public Insert values(Map<String, ?> columnValues) {
        columnValues.forEach(this::value);
        return this;
    }

    /** {@code ON CONFLICT (columns)}: follow with {@link #doUpdate} or {@link #doNothing}. */
    public Insert onConflict(String... columns) {
        for (String c : columns) {
            conflictTarget.add(Identifiers.quote(c));
        }
        return this;
    }

    /** {@code DO UPDATE SET c = excluded.c} for each column (all inserted columns but the target when none given). */
    public Insert doUpdate(String... columns) {
        updateOnConflict = new ArrayList<>();
        for (String c : columns) {
            updateOnConflict.add(Identifiers.quote(c));
        }
        return this;
    }

    public Insert doNothing() {
        doNothing = true;
        return this;
    }

    public Query build() {
        if (values.isEmpty()) {
            throw new IllegalStateException("INSERT needs at least one value(column, value)");
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", values.keySet())).append(") VALUES (")
                .append(String.join(", ", java.util.Collections.nCopies(values.size(), "?"))).append(')');
        if (doNothing || updateOnConflict != null) {
            sql.append(" ON CONFLICT");
            if (!conflictTarget.isEmpty()) {
                sql.append(" (").append(String.join(", ", conflictTarget)).append(')');
            }
            if (doNothing) {
                sql.append(" DO NOTHING");
            } else {
                if (conflictTarget.isEmpty()) {
                    throw new IllegalStateException("DO UPDATE needs onConflict(columns)");
                }
                List<String> cols = updateOnConflict.isEmpty() ? new ArrayList<>(values.keySet()) : updateOnConflict;
                if (updateOnConflict.isEmpty()) {
                    cols.removeAll(conflictTarget);
                }
                List<String> sets = new ArrayList<>();
                for (String c : cols) {
                    sets.add(c + " = excluded." + c);
                }
                sql.append(" DO UPDATE SET ").append(String.join(", ", sets));
            }
        } else if (!conflictTarget.isEmpty()) {
            throw new IllegalStateException("onConflict needs doUpdate or doNothing");
        }
        return new Query(sql.toString(), new ArrayList<>(values.values()));
    }
}
