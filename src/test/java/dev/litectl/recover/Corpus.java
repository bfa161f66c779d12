package dev.litectl.recover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Databases for the corruption corpus, built by the tests: several tables (rowid, AUTOINCREMENT, WITHOUT
 * ROWID, untyped), indexes, a view and a trigger, rows whose large text and blobs spill to overflow pages,
 * deleted rows that leave a freelist; and a WAL database with committed and uncommitted frames.
 */
final class Corpus {
    static final int PAGE = 1024;

    private Corpus() {}

    static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /** The main corpus database (rollback journal, 1 KiB pages). */
    static void build(Path db) throws SQLException {
        build(db, false);
    }

    /** The corpus database; with {@code autoVacuum}, in full auto-vacuum mode (with pointer-map pages). */
    static void build(Path db, boolean autoVacuum) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = " + PAGE);
            if (autoVacuum) {
                s.execute("PRAGMA auto_vacuum = FULL");
            }
            s.execute("PRAGMA user_version = 7");
            createAndFill(c, 600, 1);
            s.execute("DELETE FROM people WHERE id % 7 = 3");
            s.execute("DELETE FROM notes WHERE id % 5 = 0");
        }
    }

    private static void createAndFill(Connection c, int people, int seed) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, score REAL, photo BLOB)");
            s.execute("CREATE INDEX people_name ON people(name)");
            s.execute("CREATE UNIQUE INDEX people_name_age ON people(name, age)");
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, person_id INTEGER REFERENCES people(id), "
                    + "title TEXT, body TEXT)");
            s.execute("CREATE INDEX notes_person ON notes(person_id)");
            s.execute("CREATE TABLE blobs (k TEXT PRIMARY KEY, n INTEGER, data BLOB) WITHOUT ROWID");
            s.execute("CREATE TABLE plain (a, b, c)");
            s.execute("CREATE VIEW adults AS SELECT name FROM people WHERE age >= 18");
            s.execute("CREATE TRIGGER notes_title AFTER INSERT ON notes WHEN new.title IS NULL "
                    + "BEGIN UPDATE notes SET title = 'untitled' WHERE id = new.id; END");
        }
        Random r = new Random(seed);
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO people VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= people; i++) {
                p.setInt(1, i);
                p.setString(2, "person " + i + " \u00e9\u4e2d");
                p.setInt(3, r.nextInt(90));
                p.setDouble(4, r.nextDouble() * 100);
                byte[] photo = new byte[i % 10 == 0 ? 1500 : r.nextInt(40)];
                r.nextBytes(photo);
                p.setBytes(5, photo);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO notes (person_id, title, body) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= people / 6; i++) {
                p.setInt(1, 1 + r.nextInt(people));
                p.setString(2, i % 3 == 0 ? null : "note " + i);
                p.setString(3, "body " + i + " " + "lorem ipsum ".repeat(i % 4 == 0 ? 600 : 5));
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO blobs VALUES (?, ?, ?)")) {
            for (int i = 1; i <= people / 4; i++) {
                p.setString(1, "key-" + i);
                p.setLong(2, (long) i * 1_000_003L * (i % 2 == 0 ? -1 : 1));
                byte[] data = new byte[i % 12 == 0 ? 2500 : 20];
                r.nextBytes(data);
                p.setBytes(3, data);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO plain VALUES (?, ?, ?)")) {
            Object[] samples = {null, 0L, 1L, -1L, 127L, 32768L, 8388608L, 2147483648L, 140737488355328L,
                Long.MIN_VALUE, Long.MAX_VALUE, 0.5, -1e300, "", "text", "\u2603 snow", new byte[0], new byte[] {1, 2, 3}};
            for (int i = 0; i < people * 2 / 3; i++) {
                for (int col = 1; col <= 3; col++) {
                    Object v = samples[(i + col * 5) % samples.length];
                    if (v == null) {
                        p.setNull(col, java.sql.Types.NULL);
                    } else if (v instanceof Long l) {
                        p.setLong(col, l);
                    } else if (v instanceof Double d) {
                        p.setDouble(col, d);
                    } else if (v instanceof String str) {
                        p.setString(col, str);
                    } else {
                        p.setBytes(col, (byte[]) v);
                    }
                }
                p.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /**
     * A WAL database: schema and rows committed in the WAL (nothing checkpointed), then a transaction left
     * open after the page cache spilled uncommitted frames into the WAL. Copies the database and WAL to
     * {@code copy} at that moment. Returns the number of people rows committed.
     */
    static int buildWal(Path db, Path copy) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = " + PAGE);
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA wal_autocheckpoint = 0");
            createAndFill(c, 300, 2);
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            long committed = Files.size(wal);
            s.execute("PRAGMA cache_size = 10");
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO people (name, age, photo) VALUES (?, ?, ?)")) {
                for (int i = 0; i < 2000; i++) {
                    p.setString(1, "uncommitted " + i);
                    p.setInt(2, i);
                    p.setBytes(3, new byte[200]);
                    p.executeUpdate();
                }
            }
            if (Files.size(wal) <= committed) {
                throw new IllegalStateException("the open transaction wrote no frames to the WAL");
            }
            Files.copy(db, copy);
            Files.copy(wal, copy.resolveSibling(copy.getFileName() + "-wal"));
            c.rollback();
            return 300;
        }
    }

    /** Pages of {@code table} (a table or index name) of one dbstat type: 'leaf', 'internal' or 'overflow'. */
    static List<Integer> pages(Path db, String table, String type) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = connect(db);
                PreparedStatement p = c.prepareStatement(
                        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno")) {
            p.setString(1, table);
            p.setString(2, type);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no " + type + " page for " + table);
        }
        return out;
    }

    static void zeroPage(byte[] file, int pgno) {
        java.util.Arrays.fill(file, (pgno - 1) * PAGE, pgno * PAGE, (byte) 0);
    }

    /** Flips {@code count} random bytes (seeded) inside page {@code pgno}, from offset {@code from} in it. */
    static void flip(byte[] file, int pgno, int from, int count, long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            int off = (pgno - 1) * PAGE + from + r.nextInt(PAGE - from);
            file[off] ^= (byte) (1 + r.nextInt(255));
        }
    }

    static void putU32(byte[] file, int offset, long v) {
        file[offset] = (byte) (v >>> 24);
        file[offset + 1] = (byte) (v >>> 16);
        file[offset + 2] = (byte) (v >>> 8);
        file[offset + 3] = (byte) v;
    }

    static long u32(byte[] file, int offset) {
        return Bytes.u32(file, offset);
    }
}
