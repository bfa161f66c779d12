package dev.litectl.db;

/**
 * An operation failed for a reason the user can act on; the message is one line,
 * {@code <what failed>: <why>}, and is shown as it is (the CLI prefixes {@code litectl: }).
 */
public class LitectlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LitectlException(String message) {
        super(message);
    }

    public LitectlException(String message, Throwable cause) {
        super(message, cause);
    }
}
