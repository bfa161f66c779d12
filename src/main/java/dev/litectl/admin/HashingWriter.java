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
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final FileChannel out;
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<ByteBuffer> toHash = new ArrayBlockingQueue<>(BUFFERS + 1);
    private MessageDigest digest;
    private final Thread hasher;
    private volatile Throwable hashFailure;
    private long position;

    HashingWriter(FileChannel out) {
        this.out = out;
        for (int i = 0; i < BUFFERS; i++) {
            // direct buffers: file reads and writes go straight to and from them, with no copy through the heap
            free.add(ByteBuffer.allocateDirect(CHUNK));
        }
        hasher = new Thread(this::hashLoop, "litectl-sha256");
        hasher.setDaemon(true);
        hasher.start();
    }

    /** A free chunk buffer of {@link #CHUNK} bytes, cleared. */
    ByteBuffer take() throws IOException {
        try {
            return free.take().clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("copy interrupted");
        }
    }

    /** Appends the first {@code length} bytes of {@code chunk} to the file and queues them for hashing. */
    void write(ByteBuffer chunk, int length) throws IOException {
        ByteBuffer b = chunk.duplicate().position(0).limit(length);
        while (b.hasRemaining()) {
            position += out.write(b, position);
        }
        try {
            toHash.put(chunk.position(0).limit(length));
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
            toHash.put(END);
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
            digest = MessageDigest.getInstance("SHA-256");
            while (true) {
                ByteBuffer chunk = toHash.take();
                if (chunk == END) {
                    return;
                }
                digest.update(chunk);
                free.put(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error | NoSuchAlgorithmException e) {
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
