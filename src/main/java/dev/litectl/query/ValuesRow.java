package dev.litectl.query;

import java.nio.charset.StandardCharsets;

/** A {@link Row} over Java values (Long/Integer, Double, String, byte[], null), for small in-memory results. */
final class ValuesRow implements Row {
    private final Object[] values;

    ValuesRow(Object[] values) {
        this.values = values;
    }

    @Override
    public int columns() {
        return values.length;
    }

    @Override
    public int type(int column) {
        Object v = values[column];
        if (v == null) {
            return NULL;
        }
        if (v instanceof Long || v instanceof Integer) {
            return INTEGER;
        }
        if (v instanceof Double) {
            return REAL;
        }
        return v instanceof byte[] ? BLOB : TEXT;
    }

    @Override
    public long longValue(int column) {
        return ((Number) values[column]).longValue();
    }

    @Override
    public byte[] bytes(int column) {
        Object v = values[column];
        return v instanceof byte[] b ? b : String.valueOf(v).getBytes(StandardCharsets.UTF_8);
    }
}
