package dev.litectl.db;

/** A statement was interrupted (Ctrl-C or a timeout) before it finished; nothing it did was committed. */
public class OperationInterruptedException extends LitectlException {
    private static final long serialVersionUID = 1L;

    public OperationInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
