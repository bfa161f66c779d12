package dev.litectl.query;

/**
 * The current row of a result, read cell by cell without boxing. Types are SQLite's storage classes; read
 * {@link #type} before the value, since reading a value as text may convert it.
 */
interface Row {
    int INTEGER = 1;
    int REAL = 2;
    int TEXT = 3;
    int BLOB = 4;
    int NULL = 5;

    int columns();

    int type(int column);

    long longValue(int column);

    /** The UTF-8 bytes of a TEXT value, SQLite's own text for a REAL, the raw bytes of a BLOB. */
    byte[] bytes(int column);
}
