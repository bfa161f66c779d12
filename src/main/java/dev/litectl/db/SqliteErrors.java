package dev.litectl.db;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Translates sqlite-jdbc exceptions into litectl's one-line errors. */
public final class SqliteErrors {
    public static final int BUSY = 5;
    public static final int LOCKED = 6;
    public static final int INTERRUPT = 9;
    public static final int READONLY = 8;
    public static final int CORRUPT = 11;
    public static final int CONSTRAINT = 19;
    public static final int NOTADB = 26;

    private SqliteErrors() {}

    /** The SQLite primary result code of an exception from sqlite-jdbc, or -1 if it has none. */
    public static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException se && se.getResultCode() != null) {
            return se.getResultCode().code & 0xff;
        }
        int code = e.getErrorCode();
        return code > 0 ? code & 0xff : -1;
    }

    /** SQLite's own message without sqlite-jdbc's "[SQLITE_ERROR] SQL error or missing database (...)" wrapping. */
    public static String message(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof SQLiteException se && se.getResultCode() != null) {
            SQLiteErrorCode rc = se.getResultCode();
            String prefix = "[" + rc.name() + "] " + rc.message;
            if (m.startsWith(prefix)) {
                String rest = m.substring(prefix.length()).trim();
                if (rest.startsWith("(") && rest.endsWith(")")) {
                    rest = rest.substring(1, rest.length() - 1);
                }
                m = rest.isEmpty() ? rc.message : rest;
            }
        }
        return m.replace('\n', ' ').trim();
    }

    /** Wraps a SQLException as a LitectlException whose message starts with {@code what}. */
    public static LitectlException translate(String what, SQLException e) {
        int code = primaryCode(e);
        return switch (code) {
            case BUSY, LOCKED -> new DatabaseBusyException(
                    what + ": database is locked by another connection (waited past the busy timeout)", e);
            case INTERRUPT -> new OperationInterruptedException(what + ": interrupted", e);
            case NOTADB -> new LitectlException(what + ": not a SQLite database", e);
            case CORRUPT -> new LitectlException(what + ": database disk image is malformed", e);
            case READONLY -> new LitectlException(what + ": attempt to write a readonly database", e);
            default -> new LitectlException(what + ": " + message(e), e);
        };
    }

    /** True when the exception means another connection holds the lock. */
    public static boolean isBusy(SQLException e) {
        int code = primaryCode(e);
        return code == BUSY || code == LOCKED;
    }
}
