package dev.litectl.recover;

import java.util.List;
import java.util.Locale;

/** One row of {@code sqlite_schema} as far as it could be read; any field may be missing (null). */
record SchemaEntry(String type, String name, String tableName, long rootPage, String sql) {
    /** The values of the type column of a schema row. */
    static final java.util.Set<String> TYPES = java.util.Set.of("table", "index", "view", "trigger");

    static SchemaEntry of(List<Object> fields) {
        return new SchemaEntry(text(fields, 0), text(fields, 1), text(fields, 2),
                fields.size() > 3 && fields.get(3) instanceof Long l ? l : 0, text(fields, 4));
    }

    /** A text field; text that is not valid UTF-8 is taken with its bad bytes replaced, so its object is kept. */
    private static String text(List<Object> fields, int i) {
        if (fields.size() > i && fields.get(i) instanceof RawText raw) {
            return new String(raw.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return fields.size() > i && fields.get(i) instanceof String s ? s : null;
    }

    boolean isTable() {
        return "table".equals(type) && sql != null && !isVirtual();
    }

    boolean isVirtual() {
        return sql != null && sql.toLowerCase(Locale.ROOT).startsWith("create virtual");
    }

    boolean isUniqueIndex() {
        return "index".equals(type) && sql != null && sql.toLowerCase(Locale.ROOT).contains("unique");
    }
}
