package dev.litectl.admin;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * The committed part of a WAL file as of one read transaction: for every page, the offset in the WAL of its
 * newest frame up to {@code mxFrame}. Read from the wal-index header in {@code -shm} (taken while the caller holds
 * the write lock, so it is exactly the pinned snapshot) and the frame headers of the WAL file.
 */
final class WalSnapshot {
    static final int WAL_HEADER = 32;
    static final int FRAME_HEADER = 24;
    private static final int SHM_HEADER = 136;
    private static final int SHM_VERSION = 3007000;

    final long mxFrame;
    final long backfilled;
    final byte[] salts;

    private WalSnapshot(long mxFrame, long backfilled, byte[] salts) {
        this.mxFrame = mxFrame;
        this.backfilled = backfilled;
        this.salts = salts;
    }

    /** Reads the wal-index header; null when it is not the format this code knows (the caller falls back). */
    static WalSnapshot readIndex(FileChannel shm) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SHM_HEADER).order(ByteOrder.nativeOrder());
        if (shm.size() < SHM_HEADER) {
            return null;
        }
        readFully(shm, b, 0);
        byte[] raw = b.array();
        // the two copies of the header are equal unless a writer is half-way, which the write lock rules out
        if (!Arrays.equals(raw, 0, 48, raw, 48, 96) || b.getInt(0) != SHM_VERSION || raw[12] != 1) {
            return null;
        }
        long mxFrame = Integer.toUnsignedLong(b.getInt(16));
        long backfilled = Integer.toUnsignedLong(b.getInt(96));
        return new WalSnapshot(mxFrame, backfilled, Arrays.copyOfRange(raw, 32, 40));
    }

    /** True when every committed frame is already in the database file, so the WAL can be ignored. */
    boolean fullyBackfilled() {
        return mxFrame == 0 || backfilled >= mxFrame;
    }

    /**
     * Maps each page to the WAL offset of its newest frame up to {@code mxFrame}; null if the WAL file does not
     * match the index (other salts, a page size that differs, frames missing, the last frame not a commit of
     * {@code pageCount} pages).
     */
    TreeMap<Long, Long> frames(FileChannel wal, int pageSize, long pageCount) throws IOException {
        long frameSize = FRAME_HEADER + (long) pageSize;
        if (wal.size() < WAL_HEADER + mxFrame * frameSize) {
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(WAL_HEADER);
        readFully(wal, head, 0);
        int magic = head.getInt(0);
        if ((magic != 0x377f0682 && magic != 0x377f0683) || head.getInt(8) != pageSize
                || !Arrays.equals(head.array(), 16, 24, salts, 0, 8)) {
            return null;
        }
        TreeMap<Long, Long> newest = new TreeMap<>();
        ByteBuffer fh = ByteBuffer.allocate(FRAME_HEADER);
        long lastCommitSize = 0;
        for (long i = 0; i < mxFrame; i++) {
            long offset = WAL_HEADER + i * frameSize;
            fh.clear();
            readFully(wal, fh, offset);
            if (!Arrays.equals(fh.array(), 8, 16, salts, 0, 8)) {
                return null;
            }
            long page = Integer.toUnsignedLong(fh.getInt(0));
            lastCommitSize = Integer.toUnsignedLong(fh.getInt(4));
            newest.put(page, offset + FRAME_HEADER);
        }
        return lastCommitSize == pageCount ? newest : null;
    }

    static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long pos = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new EOFException("unexpected end of file at " + pos);
            }
            pos += n;
        }
    }
}
