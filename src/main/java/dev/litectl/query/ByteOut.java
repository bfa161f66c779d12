package dev.litectl.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A buffered byte sink for the result writers: writes ASCII, UTF-8 and decimal integers without allocating. */
final class ByteOut {
    private static final byte[] LONG_MIN = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);
    private final OutputStream target;
    private final byte[] buf = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int pos;

    ByteOut(OutputStream target) {
        this.target = target;
    }

    void write(int b) {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = (byte) b;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(byte[] b, int off, int len) {
        if (len > buf.length - pos) {
            drain();
            if (len > buf.length) {
                try {
                    target.write(b, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Writes {@code s} as UTF-8. */
    void write(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                write(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    /** Writes {@code v} in decimal. */
    void writeLong(long v) {
        if (v == Long.MIN_VALUE) {
            write(LONG_MIN);
            return;
        }
        if (v < 0) {
            write('-');
            v = -v;
        }
        int n = digits.length;
        do {
            digits[--n] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        write(digits, n, digits.length - n);
    }

    private void drain() {
        try {
            target.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pos = 0;
    }

    void flush() {
        drain();
        try {
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An in-memory target, for building small byte strings with the same encoders. */
    static final class Collector extends java.io.ByteArrayOutputStream {
    }
}
