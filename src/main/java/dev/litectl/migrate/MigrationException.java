package dev.litectl.migrate;

import dev.litectl.db.LitectlException;

/** A migration file is invalid, or running one failed; the message names the file and, where known, the line. */
public class MigrationException extends LitectlException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
