package dev.litectl.recover;

import java.util.HashSet;
import java.util.Set;

/**
 * One b-tree page and its cells, read leniently: a cell whose offset or size does not fit is skipped, the
 * rest of the page is still read. Payloads that spill to overflow pages are gathered along the chain, which
 * stops at a missing page or at a page already visited (a loop), so a cell never costs more memory than the
 * pages it really reaches.
 */
final class BTreePage {
    static final int INDEX_INTERIOR = 0x02;
    static final int TABLE_INTERIOR = 0x05;
    static final int INDEX_LEAF = 0x0a;
    static final int TABLE_LEAF = 0x0d;

    /** What a cell holds: its rowid (table leaves only) and its payload as far as it could be read. */
    interface CellVisitor {
        void cell(int index, boolean hasRowid, long rowid, byte[] payload);
    }

    private final byte[] page;
    private final int hdr;
    private final int n;

    BTreePage(long pgno, byte[] page) {
        this.page = page;
        this.hdr = pgno == 1 ? 100 : 0;
        this.n = page.length;
    }

    int type() {
        return Bytes.u8(page, hdr);
    }

    static boolean isBTreeType(int type) {
        return type == INDEX_INTERIOR || type == TABLE_INTERIOR || type == INDEX_LEAF || type == TABLE_LEAF;
    }

    boolean isInterior() {
        return type() == INDEX_INTERIOR || type() == TABLE_INTERIOR;
    }

    boolean hasRecords() {
        int t = type();
        return t == INDEX_INTERIOR || t == INDEX_LEAF || t == TABLE_LEAF;
    }

    /** Cell count from the header, capped at what the page could physically hold. */
    int cellCount() {
        return Math.min(Bytes.u16(page, hdr + 3), (n - 8) / 6);
    }

    /** Child page numbers of an interior page: the right-most pointer first, then each cell's (0 = unreadable). */
    long[] children() {
        if (!isInterior()) {
            return new long[0];
        }
        int count = cellCount();
        long[] out = new long[count + 1];
        out[0] = Bytes.u32(page, hdr + 8);
        for (int i = 0; i < count; i++) {
            int ptr = hdr + 12 + i * 2;
            if (ptr > n) {
                break;
            }
            int off = Bytes.u16(page, ptr);
            out[i + 1] = off <= n ? Bytes.u32(page, off) : 0;
        }
        return out;
    }

    /** Which cells of a page {@link #cells} visits. */
    enum Cells {
        /** Every readable cell. */
        ALL,
        /** The cells before the first malformed one: those SQLite's own recovery reads. */
        BEFORE_DAMAGE,
        /** The readable cells after the first malformed one. */
        AFTER_DAMAGE
    }

    /** Visits every readable cell that carries a record (overflow pages from {@code reader}). */
    int cells(PageReader reader, CellVisitor visitor) {
        return cells(reader, visitor, Cells.ALL);
    }

    /** Whether some cell of the page is malformed (its offset or local size does not fit the page). */
    boolean hasMalformedCell() {
        return malformed;
    }

    private boolean malformed;

    /**
     * Visits the readable cells that carry a record, of the part {@code which}; returns how many overflow
     * chains looped. A malformed cell is skipped and noted ({@link #hasMalformedCell}).
     */
    int cells(PageReader reader, CellVisitor visitor, Cells which) {
        int type = type();
        if (!hasRecords()) {
            return 0;
        }
        int pointer = type == INDEX_INTERIOR ? 4 : 0;
        boolean hasRowid = type == TABLE_LEAF;
        int count = cellCount();
        int loops = 0;
        long rowid = 0;
        for (int i = 0; i < count; i++) {
            int cellPtr = hdr + 8 + pointer + i * 2;
            if (cellPtr > n) {
                break;
            }
            int off = Bytes.u16(page, cellPtr) + pointer;
            if (off > n || off <= cellPtr) {
                malformed = true;
                continue;
            }
            long payloadSize = Bytes.varintU32(page, off, n);
            off += Bytes.varintLength(page, off, n);
            if (payloadSize > 0x7fffff00L) {
                payloadSize &= 0x3fff;
            }
            if (payloadSize == 0) {
                payloadSize = 1;
            }
            if (hasRowid && off < n) {
                rowid = Bytes.varint(page, off, n);
                off += Bytes.varintLength(page, off, n);
            }
            int local = localSize(payloadSize, hasRowid);
            if (local + (long) off > n) {
                malformed = true;
                continue;
            }
            if (which == Cells.BEFORE_DAMAGE && malformed || which == Cells.AFTER_DAMAGE && !malformed) {
                continue;
            }
            byte[] payload;
            if (payloadSize <= local) {
                payload = java.util.Arrays.copyOfRange(page, off, off + (int) payloadSize);
            } else {
                Gathered g = gather(reader, off, local, payloadSize);
                payload = g.bytes;
                loops += g.looped ? 1 : 0;
            }
            visitor.cell(i, hasRowid, rowid, payload);
        }
        return loops;
    }

    private int localSize(long payload, boolean table) {
        int u = n;
        int x = table ? u - 35 : ((u - 12) * 64 / 255) - 23;
        if (payload <= x) {
            return (int) payload;
        }
        int m = ((u - 12) * 32 / 255) - 23;
        long k = m + ((payload - m) % (u - 4));
        return k <= x ? (int) k : m;
    }

    private record Gathered(byte[] bytes, boolean looped) {}

    /** Local bytes plus the overflow chain, as far as it goes; never more than the pages really read. */
    private Gathered gather(PageReader reader, int off, int local, long total) {
        int chunk = n - 4;
        long limit = Math.min(total, local + reader.pageCount() * chunk);
        byte[] buf = new byte[(int) Math.min(limit, local + 16L * chunk)];
        System.arraycopy(page, off, buf, 0, local);
        int have = local;
        long next = Bytes.u32(page, off + local);
        Set<Long> seen = new HashSet<>();
        boolean looped = false;
        byte[] ovfl = new byte[n];
        while (have < limit) {
            if (!seen.add(next)) {
                looped = true;
                break;
            }
            if (!reader.readInto(next, ovfl)) {
                break;
            }
            int copy = (int) Math.min(chunk, limit - have);
            if (have + copy > buf.length) {
                buf = java.util.Arrays.copyOf(buf, (int) Math.min(limit, Math.max((long) buf.length * 2, have + copy)));
            }
            System.arraycopy(ovfl, 4, buf, have, copy);
            have += copy;
            next = Bytes.u32(ovfl, 0);
        }
        return new Gathered(have == buf.length ? buf : java.util.Arrays.copyOf(buf, have), looped);
    }
}
