package dev.litectl.admin;

/** How {@link Backup} copies a live database. Every method copies one consistent snapshot while others write. */
public enum BackupMethod {
    /**
     * Copies the database file and the committed part of its WAL as of a pinned read transaction (the way
     * Litestream reads a live database): the fastest. It reads the files directly, so use it only in a process
     * that has no other connection to this database open (POSIX drops a process's locks on a file when any
     * descriptor of it closes); the {@code litectl} command is such a process.
     */
    SNAPSHOT_COPY,
    /** SQLite's online-backup API in one step under a read transaction; safe with other connections in the process. */
    ONLINE_BACKUP,
    /** {@code VACUUM INTO}: a compacted, defragmented copy; slower, and the row counts can only be compared when nobody wrote meanwhile. */
    VACUUM_INTO;

    /** The lower-case name used in reports and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
