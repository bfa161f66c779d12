package dev.litectl.db;

/** Another connection held the database's lock for longer than the busy timeout. */
public class DatabaseBusyException extends LitectlException {
    private static final long serialVersionUID = 1L;

    public DatabaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
