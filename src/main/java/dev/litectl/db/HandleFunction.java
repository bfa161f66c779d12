package dev.litectl.db;

import java.sql.SQLException;

/**
 * Work on one pooled connection that takes one argument, which is also the subject of the error message
 * (see {@link DatabasePool#read(String, Object, HandleFunction)}). Written as a lambda that captures nothing,
 * it costs no allocation per call.
 */
@FunctionalInterface
public interface HandleFunction<A, T> {
    T apply(Handle handle, A argument) throws SQLException;
}
