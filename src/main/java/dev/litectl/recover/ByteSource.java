package dev.litectl.recover;

import java.io.IOException;

/** Random-access bytes of a database or WAL file: a file on disk, or an array for the fuzz test. */
interface ByteSource extends AutoCloseable {
    long size() throws IOException;

    /** Reads up to {@code len} bytes at {@code pos} into {@code dst}; returns how many were there. */
    int read(long pos, byte[] dst, int off, int len) throws IOException;

    @Override
    void close() throws IOException;

    /** An in-memory source. */
    static ByteSource of(byte[] data) {
        return new ByteSource() {
            @Override
            public long size() {
                return data.length;
            }

            @Override
            public int read(long pos, byte[] dst, int off, int len) {
                if (pos < 0 || pos >= data.length) {
                    return 0;
                }
                int n = (int) Math.min(len, data.length - pos);
                System.arraycopy(data, (int) pos, dst, off, n);
                return n;
            }

            @Override
            public void close() {}
        };
    }
}
