package dev.litectl.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * A statement built by {@link Sql}: its SQL text, with a {@code ?} for every value, and the values to bind
 * in order. Values are only ever bound, never part of the text.
 */
public record Query(String sql, List<Object> params) {
    public Query {
        params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }

    /** Runs the statement on {@code c} and returns the number of rows it changed. */
    public int execute(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Runs the query on {@code c}; every row as a map from column label to value. */
    public List<Map<String, Object>> maps(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return RowMapper.maps(rs);
            }
        }
    }

    /** Runs the query on {@code c}; every row as a {@code type} record matched by column name. */
    public <R extends Record> List<R> list(Connection c, Class<R> type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return RowMapper.records(rs, type);
            }
        }
    }

    /** Binds {@code values} to {@code ps} from index 1, each as {@link #bindValue} does. */
    static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        int i = 1;
        for (Object v : values) {
            bindValue(ps, i++, v);
        }
    }

    /**
     * Binds {@code v} to parameter {@code i} of {@code ps} as the query builder binds values: null, strings,
     * integers, reals, booleans (as 0/1), byte arrays, and enums (by their lower-case name); anything else is
     * refused with an {@link IllegalArgumentException}.
     */
    public static void bindValue(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof String s) {
            ps.setString(i, s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            ps.setLong(i, ((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            ps.setDouble(i, ((Number) v).doubleValue());
        } else if (v instanceof Boolean b) {
            ps.setInt(i, b ? 1 : 0);
        } else if (v instanceof byte[] bytes) {
            ps.setBytes(i, bytes);
        } else if (v instanceof Enum<?> e) {
            ps.setString(i, e.name().toLowerCase(java.util.Locale.ROOT));
        } else {
            throw new IllegalArgumentException("cannot bind a " + v.getClass().getName() + " (use a string, number, boolean or byte[])");
        }
    }
}
