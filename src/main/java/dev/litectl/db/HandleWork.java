package dev.litectl.db;

import java.sql.SQLException;

/** Work done on one pooled connection (see {@link DatabasePool#read} and {@link DatabasePool#write}). */
@FunctionalInterface
public interface HandleWork<T> {
    T run(Handle handle) throws SQLException;
}
