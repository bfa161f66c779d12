package dev.litectl.recover;

import dev.litectl.db.LitectlException;

/** The input is not a SQLite database at all: nothing in it can be recovered. */
public final class NotSqliteException extends LitectlException {
    private static final long serialVersionUID = 1L;

    NotSqliteException(String why) {
        super(why);
    }
}
