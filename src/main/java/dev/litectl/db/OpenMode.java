package dev.litectl.db;

/** How a database file is opened. */
public enum OpenMode {
    /** Create the file (and its folder) if missing; the database is made WAL. Only init and migrate use it. */
    CREATE,
    /** The file must exist already; opened for reading and writing. */
    READ_WRITE,
    /** The file must exist already; opened read-only, also for anything it attaches. */
    READ_ONLY
}
