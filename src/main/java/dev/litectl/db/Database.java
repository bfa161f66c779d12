package dev.litectl.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteOpenMode;

/**
 * One connection to a SQLite database file, opened with litectl's pragmas: WAL and
 * {@code auto_vacuum=INCREMENTAL} for databases it creates, {@code foreign_keys=ON}, {@code synchronous=NORMAL}, a 32 MiB page cache and a busy timeout.
 * Not thread-safe: one thread uses one {@code Database}.
 */
public final class Database implements AutoCloseable {
    /** How long a connection waits for another writer by default, in milliseconds. */
    public static final int DEFAULT_BUSY_TIMEOUT_MS = 5000;
    private static final int CACHE_SIZE_KIB = 32 * 1024;

    private final Path path;
    private final Connection connection;
    private final OpenMode mode;

    private Database(Path path, Connection connection, OpenMode mode) {
        this.path = path;
        this.connection = connection;
        this.mode = mode;
    }

    /** Opens (creating if missing) {@code path} with the default busy timeout. */
    public static Database open(Path path) {
        return open(path, OpenMode.CREATE, DEFAULT_BUSY_TIMEOUT_MS);
    }

    /**
     * Opens {@code path} after {@link DatabaseFile#checkOpenable} has accepted it; {@link OpenMode#CREATE}
     * also creates the folder, and a new (missing or empty) file gets {@code auto_vacuum=INCREMENTAL} before
     * anything is written, so that {@code maintain} and {@code vacuum --incremental} can return free pages;
     * an existing database keeps its auto_vacuum setting (changing it takes a full VACUUM). Throws
     * {@link LitectlException} naming the path and the reason on failure.
     */
    public static Database open(Path path, OpenMode mode, int busyTimeoutMs) {
        DatabaseFile.checkOpenable(path, mode);
        boolean fresh = mode == OpenMode.CREATE && isMissingOrEmpty(path);
        if (mode == OpenMode.CREATE) {
            createParentFolder(path);
        }
        WarmUp.await();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMs);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setCacheSize(-CACHE_SIZE_KIB);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        switch (mode) {
            case READ_ONLY -> {
                config.setReadOnly(true);
                config.setOpenMode(SQLiteOpenMode.READONLY);
            }
            case READ_WRITE -> config.resetOpenMode(SQLiteOpenMode.CREATE);
            case CREATE -> config.setOpenMode(SQLiteOpenMode.CREATE);
        }
        Connection c = null;
        try {
            c = JDBC.createConnection("jdbc:sqlite:" + path, config.toProperties());
            FairBusyHandler.install(c, busyTimeoutMs);
            Database db = new Database(path, c, mode);
            db.verifyReadable();
            if (fresh) {
                db.execute("PRAGMA auto_vacuum = INCREMENTAL");
            }
            if (mode == OpenMode.CREATE) {
                db.enableWal();
            }
            if (mode == OpenMode.READ_ONLY) {
                db.execute("PRAGMA query_only = 1");
            }
            return db;
        } catch (SQLException e) {
            closeAfterFailedOpen(c); // a half-opened connection would keep the file open
            throw SqliteErrors.translate("cannot open " + path, e);
        } catch (RuntimeException e) {
            closeAfterFailedOpen(c);
            throw e;
        }
    }

    /**
     * Starts the costliest part of sqlite-jdbc's one-time work (its date formats) on a background thread, so that
     * it overlaps the caller's own start-up; the first {@link #open} loads the driver and native library, then
     * waits for the formats instead of making them again. Nothing needs it: a command-line front end calls it
     * first thing. Failures are ignored here; the real open reports them.
     */
    public static void warmUp() {
        WarmUp.start();
    }

    /** A private in-memory database with the same pragmas (for dry runs against a database that does not exist yet). */
    public static Database openInMemory() {
        WarmUp.await();
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(true);
            return new Database(Path.of(":memory:"), JDBC.createConnection("jdbc:sqlite::memory:", config.toProperties()), OpenMode.CREATE);
        } catch (SQLException e) {
            throw SqliteErrors.translate("cannot open an in-memory database", e);
        }
    }

    private static void closeAfterFailedOpen(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the open already failed; that error is the one to report
            }
        }
    }

    private static boolean isMissingOrEmpty(Path path) {
        try {
            return !Files.exists(path) || Files.size(path) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void createParentFolder(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new LitectlException("cannot create folder " + parent + ": " + e.getMessage(), e);
        }
    }

    private void verifyReadable() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
            rs.next();
        } catch (SQLException e) {
            closeQuietly();
            throw e;
        }
    }

    private void enableWal() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) {
                return;
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            closeQuietly();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public OpenMode mode() {
        return mode;
    }

    /** The underlying JDBC connection, in auto-commit mode; litectl issues BEGIN/COMMIT itself. */
    public Connection connection() {
        return connection;
    }

    /** Runs one statement that returns no rows. */
    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs a query returning one integer (0 when it returns no row or NULL). */
    public long queryLong(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    /** Runs a query returning one text value (null when it returns no row). */
    public String queryString(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Runs {@code work} in a transaction taken with {@code BEGIN IMMEDIATE} (the write lock, waiting up to
     * the busy timeout); commits if it returns, rolls back if it throws, and rethrows.
     */
    public <T> T writeTransaction(SqlWork<T> work) throws SQLException {
        execute("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            T result = work.run(this);
            execute("COMMIT");
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
        }
    }

    /** Rolls back an open transaction, if any, without throwing over the caller's error. */
    public void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open (SQLite rolls back by itself on some errors): nothing to undo
        }
    }

    /**
     * Copies the whole database to {@code target} with SQLite's online-backup API in one step, so a
     * concurrent writer cannot make it restart. The target is overwritten.
     */
    public void backupTo(Path target) throws SQLException {
        // pagesPerStep -1: copy every page in one step, holding the read lock, so writers cannot restart it
        connection.unwrap(SQLiteConnection.class).getDatabase()
                .backup("main", target.toAbsolutePath().toString(), null, 100, 50, -1);
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure: the first error is the one to report
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
