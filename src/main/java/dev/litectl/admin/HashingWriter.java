package dev.litectl.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes chunks to a file in order and computes their SHA-256 on a second thread, so hashing overlaps the
 * copy. Chunks come from {@link #take()} and go back through {@link #write}.
 */
final class HashingWriter implements AutoCloseable {
    static final int CHUNK = 4 << 20;
    private static final int BUFFERS = 4;
    private static final byte[] END = new byte[0];

    private final FileChannel out;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Object[]> toHash = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final MessageDigest digest;
    private final Thread hasher;
    private volatile Throwable hashFailure;
    private long position;

    HashingWriter(FileChannel out) {
        this.out = out;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[CHUNK]);
        }
        hasher = new Thread(this::hashLoop, "litectl-sha256");
        hasher.setDaemon(true);
        hasher.start();
    }

    /** A free chunk buffer of {@link #CHUNK} bytes. */
    byte[] take() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("copy interrupted");
        }
    }

    /** Appends the first {@code length} bytes of {@code chunk} to the file and queues them for hashing. */
    void write(byte[] chunk, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(chunk, 0, length);
        while (b.hasRemaining()) {
            position += out.write(b, position);
        }
        try {
            toHash.put(new Object[] {chunk, length});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("copy interrupted");
        }
    }

    long bytesWritten() {
        return position;
    }

    /** Waits for the hash of everything written and returns it as lower-case hex. */
    String finish() throws IOException {
        try {
            toHash.put(new Object[] {END, 0});
            hasher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("copy interrupted");
        }
        if (hashFailure != null) {
            throw new IOException("hashing failed: " + hashFailure, hashFailure);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void hashLoop() {
        try {
            while (true) {
                Object[] item = toHash.take();
                byte[] chunk = (byte[]) item[0];
                if (chunk == END) {
                    return;
                }
                digest.update(chunk, 0, (Integer) item[1]);
                free.put(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            hashFailure = e;
        }
    }

    @Override
    public void close() {
        hasher.interrupt();
    }

    /** The SHA-256 of a whole file, as lower-case hex. */
    static String sha256(java.nio.file.Path file) throws IOException {
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
