package dev.litectl.db;

import java.sql.SQLException;

/** Work done inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Database db) throws SQLException;
}
