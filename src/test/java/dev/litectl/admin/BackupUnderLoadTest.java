package dev.litectl.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.testing.Cli;
import dev.litectl.testing.SqliteShell;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups while another process keeps committing: each copy is intact and holds a state the writer committed. */
class BackupUnderLoadTest {
    private static final int ROWS_PER_COMMIT = 5;

    @TempDir
    Path dir;

    @Test
    void backupVerifyWhileAWriterKeepsInsertingCopiesACommittedSnapshot() throws Exception {
        Path db = Fixtures.database(dir, "load.db", 3000);
        try (Database d = Database.open(db, OpenMode.READ_WRITE, 5000)) {
            d.execute("CREATE TABLE w(id INTEGER PRIMARY KEY, pad BLOB)");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerError = new AtomicReference<>();
        try (SqliteShell writer = new SqliteShell(db)) {
            writer.send("PRAGMA busy_timeout = 20000; PRAGMA synchronous = NORMAL;").sync();
            Thread t = new Thread(() -> {
                try {
                    StringBuilder tx = new StringBuilder("BEGIN;");
                    for (int i = 0; i < ROWS_PER_COMMIT; i++) {
                        tx.append(" INSERT INTO w(pad) VALUES (randomblob(300));");
                    }
                    tx.append(" COMMIT;");
                    while (!stop.get()) {
                        writer.send(tx.toString());
                    }
                    writer.sync();
                } catch (Throwable e) {
                    writerError.set(e);
                }
            });
            t.start();
            while (Fixtures.count(db, "SELECT count(*) FROM w") < 200) {
                Thread.sleep(10);
            }
            long previous = 0;
            String[] methods = {"snapshot-copy", "snapshot-copy", "snapshot-copy", "online-backup", "vacuum-into"};
            for (int i = 0; i < methods.length; i++) {
                Cli.Result r = new Cli(dir).run("--db", db.toString(), "--busy-timeout", "20000", "backup",
                        "--to", "b" + i + ".db", "--verify", "--method", methods[i], "--format", "json");
                assertEquals(0, r.code(), r.toString());
                JsonNode j = Fixtures.json(r.out());
                Path copy = dir.resolve("b" + i + ".db");
                assertEquals("ok", Fixtures.integrity(copy));
                long n = Fixtures.count(copy, "SELECT count(*) FROM w");
                assertEquals(0, n % ROWS_PER_COMMIT, methods[i] + ": " + n + " rows is not a committed state");
                assertEquals(n, Fixtures.count(copy, "SELECT coalesce(max(id), 0) FROM w"), "rows missing in the middle");
                assertEquals(3000, Fixtures.count(copy, "SELECT count(*) FROM t"));
                assertTrue(n >= previous, "a later backup holds fewer rows");
                if (j.get("counts_compared").asBoolean()) {
                    assertEquals(n, j.get("row_counts").get("w").asLong());
                }
                previous = n;
            }
            long before = Fixtures.count(db, "SELECT count(*) FROM w");
            Thread.sleep(50);
            assertTrue(t.isAlive() && writer.isAlive(), "the writer stopped before the backups ended");
            stop.set(true);
            t.join(20000);
            assertTrue(writerError.get() == null, String.valueOf(writerError.get()));
            assertTrue(Fixtures.count(db, "SELECT count(*) FROM w") >= before);
            assertTrue(before > previous, "the writer made no progress during the backups");
        }
    }

    @Test
    void snapshotCopyOfAWalThatNobodyCheckpointedEqualsTheSource() throws Exception {
        Path db = Fixtures.database(dir, "wal.db", 2000);
        try (SqliteShell holder = new SqliteShell(db)) {
            holder.send("PRAGMA wal_autocheckpoint = 0;"
                    + " UPDATE t SET payload = randomblob(500) WHERE id % 3 = 0;"
                    + " INSERT INTO t(payload) SELECT randomblob(900) FROM t LIMIT 700;"
                    + " DELETE FROM t WHERE id % 7 = 0;").sync();
            String fingerprint = "SELECT count(*) || ':' || sum(id) || ':' || total(length(payload)) || ':' || "
                    + "(SELECT hex(payload) FROM t ORDER BY id DESC LIMIT 1) FROM t";
            assertTrue(java.nio.file.Files.size(SnapshotCopy.sidecar(db, "-wal")) > 0);
            BackupResult r = Backup.run(db, BackupOptions.to(dir.resolve("copy.db")).withVerify(true)
                    .withMethod(BackupMethod.SNAPSHOT_COPY));
            assertEquals(BackupMethod.SNAPSHOT_COPY, r.method());
            assertEquals("ok", Fixtures.integrity(r.path()));
            try (Database a = Database.open(db, OpenMode.READ_ONLY, 5000);
                 Database b = Database.open(r.path(), OpenMode.READ_ONLY, 5000)) {
                assertEquals(a.queryString(fingerprint), b.queryString(fingerprint));
            }
        }
    }
}
