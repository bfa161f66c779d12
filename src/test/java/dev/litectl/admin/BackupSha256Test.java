package dev.litectl.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.litectl.db.Database;
import dev.litectl.db.OpenMode;
import dev.litectl.testing.SqliteShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SHA-256 a backup reports is computed while copying, and is the SHA-256 of the finished file. */
class BackupSha256Test {
    @TempDir
    Path dir;

    @Test
    void hashingWriterHashesExactlyTheBytesItWroteAcrossManyBuffersAndFlushes() throws Exception {
        Path file = dir.resolve("out.bin");
        Files.createFile(file);
        Random random = new Random(42);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        String sha;
        // more chunks than the writer has buffers, some short, and a flush every few chunks
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE);
             HashingWriter w = new HashingWriter(out, 3L * HashingWriter.CHUNK)) {
            for (int i = 0; i < 21; i++) {
                int length = i % 4 == 3 ? 1 + random.nextInt(HashingWriter.CHUNK) : HashingWriter.CHUNK;
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                ByteBuffer chunk = w.take();
                assertEquals(HashingWriter.CHUNK, chunk.remaining(), "take() hands out a whole cleared buffer");
                chunk.put(bytes);
                w.write(chunk, length);
                expected.write(bytes);
            }
            sha = w.finish();
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
        assertEquals(Fixtures.sha256(file), sha);
        assertEquals(Fixtures.sha256(file), HashingWriter.sha256(file));
    }

    @Test
    void hashingWriterWithNothingWrittenReportsTheHashOfAnEmptyFile() throws Exception {
        Path file = dir.resolve("empty.bin");
        Files.createFile(file);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE);
             HashingWriter w = new HashingWriter(out)) {
            assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", w.finish());
        }
        assertEquals(0, Files.size(file));
    }

    @Test
    void aWriteThatFailsIsReportedAndClosingWithoutFinishingReturns() throws Exception {
        Path file = dir.resolve("closed.bin");
        Files.createFile(file);
        FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE);
        long start = System.nanoTime();
        try (HashingWriter w = new HashingWriter(out, HashingWriter.CHUNK)) {
            w.write(w.take(), 1000);
            out.close();
            assertThrows(IOException.class, () -> w.write(w.take(), 1000));
        }
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "close() waited for threads that never end");
        assertEquals(1000, Files.size(file));
    }

    @Test
    void everyMethodReportsTheSha256OfTheFinishedFileForAWalSpanningManyChunks() throws Exception {
        Path db = Fixtures.database(dir, "big.db", 20_000); // several MB: more chunks than the writer has buffers
        try (SqliteShell holder = new SqliteShell(db)) {
            // committed changes all over the file that stay in the WAL: the snapshot copy overlays them chunk by chunk
            holder.send("PRAGMA wal_autocheckpoint = 0;"
                    + " UPDATE t SET payload = randomblob(200) WHERE id % 37 = 0;"
                    + " INSERT INTO t(payload) SELECT randomblob(300) FROM t LIMIT 3000;").sync();
            assertTrue(Files.size(SnapshotCopy.sidecar(db, "-wal")) > HashingWriter.CHUNK);
            String fingerprint = "SELECT count(*) || ':' || sum(id) || ':' || total(length(payload)) || ':' || "
                    + "(SELECT hex(payload) FROM t WHERE id = 37 * 11) FROM t";
            for (BackupMethod m : BackupMethod.values()) {
                BackupResult r = Backup.run(db, BackupOptions.to(dir.resolve(m.label() + ".db")).withMethod(m));
                assertEquals(m, r.method());
                assertEquals(Fixtures.sha256(r.path()), r.sha256(), m.label());
                assertEquals(Files.size(r.path()), r.bytes(), m.label());
                assertEquals("ok", Fixtures.integrity(r.path()));
                try (Database a = Database.open(db, OpenMode.READ_ONLY, 5000);
                     Database b = Database.open(r.path(), OpenMode.READ_ONLY, 5000)) {
                    assertEquals(a.queryString(fingerprint), b.queryString(fingerprint), m.label());
                }
            }
        }
    }
}
