package dev.litectl.recover;

/**
 * Big-endian integers and SQLite varints read from a page buffer. Every read is bounds-checked: a byte past
 * {@code limit} reads as zero, the way SQLite's own recovery code pads its buffers, so a corrupt offset can
 * never throw.
 */
final class Bytes {
    private Bytes() {}

    static int u8(byte[] b, int off) {
        return off >= 0 && off < b.length ? b[off] & 0xff : 0;
    }

    static int u16(byte[] b, int off) {
        return (u8(b, off) << 8) | u8(b, off + 1);
    }

    static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    /** The varint at {@code off} (bytes at or past {@code limit} read as zero). */
    static long varint(byte[] b, int off, int limit) {
        long u = 0;
        for (int i = 0; i < 8; i++) {
            int x = at(b, off + i, limit);
            u = (u << 7) + (x & 0x7f);
            if ((x & 0x80) == 0) {
                return u;
            }
        }
        return (u << 8) + at(b, off + 8, limit);
    }

    /** How many bytes the varint at {@code off} takes: 1 to 9. */
    static int varintLength(byte[] b, int off, int limit) {
        for (int i = 0; i < 8; i++) {
            if ((at(b, off + i, limit) & 0x80) == 0) {
                return i + 1;
            }
        }
        return 9;
    }

    /** A varint that must fit in 32 unsigned bits; anything else reads as 0 (as SQLite's dbdata does). */
    static long varintU32(byte[] b, int off, int limit) {
        long v = varint(b, off, limit);
        return v < 0 || v > 0xFFFFFFFFL ? 0 : v;
    }

    private static int at(byte[] b, int off, int limit) {
        return off >= 0 && off < limit && off < b.length ? b[off] & 0xff : 0;
    }
}
