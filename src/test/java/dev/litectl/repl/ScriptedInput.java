package dev.litectl.repl;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keystrokes for a terminal, sent by the test one entry at a time; reads block until something is sent. */
final class ScriptedInput extends InputStream {
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int pos;
    private volatile boolean closed;

    void send(String text) {
        queue.add(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        while (pos == current.length) {
            if (closed) {
                return -1;
            }
            try {
                byte[] next = queue.poll(20, TimeUnit.MILLISECONDS);
                if (next != null) {
                    current = next;
                    pos = 0;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
