package dev.litectl.recover;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The committed frames of a write-ahead log: for each page, where its newest committed image is in the WAL.
 * A frame counts only when its salts match the WAL header and its cumulative checksum is right; frames after
 * the last commit frame (an unfinished transaction) are ignored, as SQLite ignores them.
 */
final class WalIndex {
    private static final int HEADER = 32;
    private static final int FRAME_HEADER = 24;

    private final Map<Long, Long> frameOffsets;
    private final long committedPageCount;
    private final int committedFrames;

    private WalIndex(Map<Long, Long> frameOffsets, long committedPageCount, int committedFrames) {
        this.frameOffsets = frameOffsets;
        this.committedPageCount = committedPageCount;
        this.committedFrames = committedFrames;
    }

    static WalIndex empty() {
        return new WalIndex(Map.of(), 0, 0);
    }

    /** Reads the WAL; a WAL with a bad header or another page size yields an empty index. */
    static WalIndex read(ByteSource wal, int pageSize) throws IOException {
        long size = wal.size();
        byte[] head = new byte[HEADER];
        if (size < HEADER || wal.read(0, head, 0, HEADER) < HEADER) {
            return empty();
        }
        long magic = Bytes.u32(head, 0);
        if ((magic & ~1L) != 0x377f0682L || Bytes.u32(head, 8) != pageSize) {
            return empty();
        }
        boolean bigEndian = (magic & 1) == 1;
        int[] sum = checksum(bigEndian, head, 0, 24, 0, 0);
        if (sum[0] != (int) Bytes.u32(head, 24) || sum[1] != (int) Bytes.u32(head, 28)) {
            return empty();
        }
        long salt1 = Bytes.u32(head, 16);
        long salt2 = Bytes.u32(head, 20);
        Map<Long, Long> committed = new HashMap<>();
        Map<Long, Long> pending = new HashMap<>();
        long dbSize = 0;
        int frames = 0;
        int pendingFrames = 0;
        byte[] frame = new byte[FRAME_HEADER + pageSize];
        for (long pos = HEADER; pos + frame.length <= size; pos += frame.length) {
            if (wal.read(pos, frame, 0, frame.length) < frame.length) {
                break;
            }
            long pgno = Bytes.u32(frame, 0);
            if (pgno == 0 || Bytes.u32(frame, 8) != salt1 || Bytes.u32(frame, 12) != salt2) {
                break;
            }
            sum = checksum(bigEndian, frame, 0, 8, sum[0], sum[1]);
            sum = checksum(bigEndian, frame, FRAME_HEADER, pageSize, sum[0], sum[1]);
            if (sum[0] != (int) Bytes.u32(frame, 16) || sum[1] != (int) Bytes.u32(frame, 20)) {
                break;
            }
            pending.put(pgno, pos + FRAME_HEADER);
            pendingFrames++;
            long commit = Bytes.u32(frame, 4);
            if (commit != 0) {
                committed.putAll(pending);
                pending.clear();
                dbSize = commit;
                frames += pendingFrames;
                pendingFrames = 0;
            }
        }
        return new WalIndex(committed, dbSize, frames);
    }

    /** WAL checksum: pairs of 32-bit words in the byte order the magic names. */
    private static int[] checksum(boolean bigEndian, byte[] b, int off, int len, int s0, int s1) {
        for (int i = off; i + 8 <= off + len; i += 8) {
            int x0 = word(b, i, bigEndian);
            int x1 = word(b, i + 4, bigEndian);
            s0 += x0 + s1;
            s1 += x1 + s0;
        }
        return new int[] {s0, s1};
    }

    private static int word(byte[] b, int i, boolean bigEndian) {
        if (bigEndian) {
            return (int) Bytes.u32(b, i);
        }
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    /** Offset in the WAL of the page's newest committed image, or -1. */
    long frameOffset(long pgno) {
        Long off = frameOffsets.get(pgno);
        return off == null ? -1 : off;
    }

    /** The highest page number with a committed frame. */
    long maxPage() {
        long max = 0;
        for (long p : frameOffsets.keySet()) {
            max = Math.max(max, p);
        }
        return max;
    }

    long committedPageCount() {
        return committedPageCount;
    }

    int committedFrames() {
        return committedFrames;
    }
}
