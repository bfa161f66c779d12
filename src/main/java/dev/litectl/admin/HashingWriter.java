package dev.litectl.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes chunks to a new file in order, and computes the SHA-256 of exactly the bytes written on a second thread
 * from the same buffers (nothing is read back): the caller fills a buffer, {@link #write}s it and takes the next
 * one while the hasher works through the written ones. A third thread flushes what is written so far to disk
 * every {@link #FLUSH_EVERY} bytes, so the final sync in {@link #finish} has little left to do; a failed flush
 * fails the copy. The file must be new and written only through this writer, so the hash is the file's.
 */
final class HashingWriter implements AutoCloseable {
    /** Bytes per chunk: small enough that the hasher reads a chunk the writer just left in the CPU cache. */
    static final int CHUNK = 1 << 20;
    private static final int BUFFERS = 8;
    static final long FLUSH_EVERY = 64L << 20;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final FileChannel out;
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<ByteBuffer> toHash = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread hasher;
    private final Thread flusher;
    private final Object flushLock = new Object();
    private int allocated;
    private volatile long position; // written by the caller's thread only
    private final long flushEvery;
    private long nextFlush;
    private boolean writing = true; // guarded by flushLock
    private volatile MessageDigest digest;
    private volatile Throwable hashFailure;
    private volatile IOException flushFailure;

    HashingWriter(FileChannel out) {
        this(out, FLUSH_EVERY);
    }

    /** A writer that flushes every {@code flushEvery} bytes (tests use small values). */
    HashingWriter(FileChannel out, long flushEvery) {
        this.out = out;
        this.flushEvery = flushEvery;
        this.nextFlush = flushEvery;
        hasher = new Thread(this::hashLoop, "litectl-sha256");
        hasher.setDaemon(true);
        hasher.start();
        flusher = new Thread(this::flushLoop, "litectl-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** A cleared direct buffer of {@link #CHUNK} bytes to fill; waits while the hasher still holds every buffer. */
    ByteBuffer take() throws IOException {
        ByteBuffer b = free.poll();
        if (b == null && allocated < BUFFERS) {
            allocated++;
            return ByteBuffer.allocateDirect(CHUNK);
        }
        try {
            return (b != null ? b : free.take()).clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("copy interrupted");
        }
    }

    /** Appends the first {@code length} bytes of {@code chunk} (from {@link #take}) to the file and hands it to the hasher. */
    void write(ByteBuffer chunk, int length) throws IOException {
        checkFlush();
        ByteBuffer b = chunk.duplicate().position(0).limit(length);
        long at = position;
        while (b.hasRemaining()) {
            at += out.write(b, at);
        }
        position = at;
        toHash.add(chunk.position(0).limit(length));
        if (at >= nextFlush) {
            nextFlush = at + flushEvery;
            synchronized (flushLock) {
                flushLock.notifyAll();
            }
        }
    }

    /** Syncs the file (content and metadata) to disk, waits for the hash of everything written and returns it as hex. */
    String finish() throws IOException {
        stopFlushing();
        out.force(true); // the hasher's last chunks overlap this
        toHash.add(END);
        join(hasher);
        checkFlush();
        if (hashFailure != null || digest == null) {
            throw new IOException("hashing failed: " + hashFailure, hashFailure);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void hashLoop() {
        MessageDigest d = null;
        try {
            // the provider lookup costs tens of milliseconds at start-up: here it overlaps opening the database
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            hashFailure = e;
        }
        try {
            while (true) {
                ByteBuffer b = toHash.take();
                if (b == END) {
                    digest = hashFailure == null ? d : null;
                    return;
                }
                if (hashFailure == null) {
                    try {
                        d.update(b); // a direct buffer: hashed through a small array that stays in the cache
                    } catch (RuntimeException | Error e) { // recorded; the loop goes on returning buffers
                        hashFailure = e;
                    }
                }
                free.add(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Flushes the file every {@code flushEvery} written bytes until writing stops; never interrupted (that would close the channel). */
    private void flushLoop() {
        long flushed = 0;
        while (true) {
            synchronized (flushLock) {
                while (writing && position - flushed < flushEvery) {
                    try {
                        flushLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!writing) {
                    return;
                }
                flushed = position;
            }
            try {
                out.force(false);
            } catch (IOException e) {
                flushFailure = e;
                return;
            }
        }
    }

    private void stopFlushing() throws IOException {
        synchronized (flushLock) {
            writing = false;
            flushLock.notifyAll();
        }
        join(flusher);
    }

    private void checkFlush() throws IOException {
        IOException e = flushFailure;
        if (e != null) {
            throw new IOException("flushing the copy to disk failed: " + e.getMessage(), e);
        }
    }

    private static void join(Thread t) throws IOException {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("copy interrupted");
        }
    }

    @Override
    public void close() {
        synchronized (flushLock) {
            writing = false;
            flushLock.notifyAll();
        }
        toHash.offer(END);
        hasher.interrupt();
        try {
            flusher.join(10_000);
            hasher.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The SHA-256 of a whole file, as lower-case hex. */
    static String sha256(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
            while (in.read(buf.clear()) > 0) {
                d.update(buf.flip());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
