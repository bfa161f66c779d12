package dev.litectl.migrate;

import java.util.Locale;

/** Where a migration stands between its file and the database's history. */
public enum MigrationState {
    /** In the history, and the file's up section has the checksum recorded at apply time. */
    APPLIED,
    /** A file not yet in the history. */
    PENDING,
    /** In the history, but the file's up section has changed since; blocks migrate. */
    MODIFIED,
    /** In the history, but no file has that version any more; rollback still works from the stored SQL. */
    MISSING;

    /** The lower-case name used in reports and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
