package dev.litectl.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes chunks to a new file in order while a second thread reads what was written back (from the page cache)
 * and computes its SHA-256. The writer never waits for the hash, so syncing the file to disk overlaps hashing,
 * and the hash is of the bytes that are in the file.
 */
final class HashingWriter implements AutoCloseable {
    static final int CHUNK = 4 << 20;
    private static final long[] END = new long[0];

    private final FileChannel out;
    private final FileChannel readBack;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
    private final BlockingQueue<long[]> toHash = new LinkedBlockingQueue<>();
    private final Thread hasher;
    private volatile MessageDigest digest;
    private volatile Throwable hashFailure;
    private long position;

    HashingWriter(Path file, FileChannel out) throws IOException {
        this.out = out;
        this.readBack = FileChannel.open(file, StandardOpenOption.READ);
        hasher = new Thread(this::hashLoop, "litectl-sha256");
        hasher.setDaemon(true);
        hasher.start();
    }

    /** The chunk buffer of {@link #CHUNK} bytes (direct: file reads and writes use it without a heap copy), cleared. */
    ByteBuffer take() {
        return buffer.clear();
    }

    /** Appends the first {@code length} bytes of {@code chunk} to the file and queues them for hashing. */
    void write(ByteBuffer chunk, int length) throws IOException {
        ByteBuffer b = chunk.duplicate().position(0).limit(length);
        long start = position;
        while (b.hasRemaining()) {
            position += out.write(b, position);
        }
        toHash.add(new long[] {start, length});
    }

    /** Waits for the hash of everything written and returns it as lower-case hex. */
    String finish() throws IOException {
        toHash.add(END);
        try {
            hasher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("copy interrupted");
        }
        if (hashFailure != null || digest == null) {
            throw new IOException("hashing failed: " + hashFailure, hashFailure);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void hashLoop() {
        try {
            // the provider lookup costs tens of milliseconds at start-up: here it overlaps the first reads
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            // a heap array: MessageDigest hashes it in place, a direct buffer it would copy 4 KiB at a time (slower)
            byte[] array = new byte[CHUNK];
            ByteBuffer b = ByteBuffer.wrap(array);
            while (true) {
                long[] range = toHash.take();
                if (range == END) {
                    digest = d;
                    return;
                }
                b.clear().limit((int) range[1]);
                WalSnapshot.readFully(readBack, b, range[0]);
                d.update(array, 0, (int) range[1]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error | NoSuchAlgorithmException e) {
            hashFailure = e;
        }
    }

    @Override
    public void close() throws IOException {
        hasher.interrupt();
        try {
            hasher.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readBack.close();
    }

    /** The SHA-256 of a whole file, as lower-case hex. */
    static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
