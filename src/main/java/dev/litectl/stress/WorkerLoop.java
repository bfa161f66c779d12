package dev.litectl.stress;

import java.sql.SQLException;

/** What one worker thread does over and over: the next operation to time and run, on its own connection. */
interface WorkerLoop extends AutoCloseable {
    Operation next() throws SQLException;

    /** Closes the loop's prepared statements (not the connection, which the runner owns). */
    @Override
    void close();
}
