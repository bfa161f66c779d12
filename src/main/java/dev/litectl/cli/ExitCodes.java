package dev.litectl.cli;

/** The exit codes of DESIGN.md; the only place they are defined. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The operation failed: SQL error, I/O error, corrupt input. */
    public static final int FAILED = 1;
    /** Usage error: unknown option, bad value. */
    public static final int USAGE = 2;
    /** A check found something (check, migration-status --check). */
    public static final int FINDINGS = 3;
    /** The database stayed locked past --busy-timeout. */
    public static final int BUSY = 4;
    /** A bug in litectl (an exception nobody expected); the stack trace is printed. */
    public static final int SOFTWARE = 70;
    /** Interrupted (Ctrl-C) or stopped by --timeout. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
