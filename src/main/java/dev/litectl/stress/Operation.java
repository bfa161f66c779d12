package dev.litectl.stress;

import java.sql.SQLException;

/**
 * One unit of work a worker times: a name such as {@code messages.append}, whether it writes, and the action.
 * A write's action is one transaction that records its keys as acknowledged only after COMMIT returned; the
 * runner may run the action again after {@code SQLITE_BUSY}, so it must be safe to retry until it commits.
 */
record Operation(String name, boolean write, Action action) {
    interface Action {
        void run() throws SQLException;
    }
}
