package dev.litectl.recover;

/**
 * Whether some bytes form a well-formed b-tree page of a given size: a valid type, a free-block list and
 * cells that stay inside the page without overlapping, and exactly as many unaccounted bytes as the header's
 * fragment count. Used to find the page size when the header's is damaged.
 */
final class PageCheck {
    private PageCheck() {}

    static boolean isWellFormed(byte[] buf, int base, int n) {
        if (base + n > buf.length) {
            return false;
        }
        byte[] a = java.util.Arrays.copyOfRange(buf, base, base + n);
        int type = a[0] & 0xff;
        if (type != 0x02 && type != 0x05 && type != 0x0a && type != 0x0d) {
            return false;
        }
        int free = Bytes.u16(a, 1);
        int cells = Bytes.u16(a, 3);
        int content = Bytes.u16(a, 5);
        if (content == 0) {
            content = 65536;
        }
        int frag = a[7] & 0xff;
        if (content > n) {
            return false;
        }
        boolean[] used = new boolean[n];
        java.util.Arrays.fill(used, 0, content, true);
        if (free != 0 && free <= content) {
            return false;
        }
        int guard = 0;
        while (free != 0) {
            if (free > n - 4 || ++guard > n) {
                return false;
            }
            int next = Bytes.u16(a, free);
            int size = Bytes.u16(a, free + 2);
            if (free + size > n || size < 4 || (next != 0 && next < free + size)) {
                return false;
            }
            java.util.Arrays.fill(used, free, free + size, true);
            free = next;
        }
        int cellArray = type == 0x02 || type == 0x05 ? 12 : 8;
        if (cellArray + 2 * cells > content) {
            return false;
        }
        for (int i = 0; i < cells; i++) {
            int off = Bytes.u16(a, cellArray + 2 * i);
            if (off < content || off > n) {
                return false;
            }
            long len = type == 0x05 || type == 0x02 ? 4 : 0;
            long payload = Bytes.varint(a, off + (int) len, n);
            len += Bytes.varintLength(a, off + (int) len, n);
            if (type == 0x0d) {
                len += Bytes.varintLength(a, off + (int) len, n);
            }
            if (type != 0x05) {
                long x = type == 0x0d ? n - 35 : ((n - 12) * 64 / 255) - 23;
                long m = ((n - 12) * 32 / 255) - 23;
                long k = m + Math.floorMod(payload - m, (long) (n - 4));
                if (payload < 0) {
                    return false;
                }
                len += payload < x ? payload : k <= x ? k + 4 : m + 4;
            }
            if ((long) off + len > n) {
                return false;
            }
            for (int j = off; j < off + len; j++) {
                if (used[j]) {
                    return false;
                }
                used[j] = true;
            }
        }
        int unused = 0;
        for (boolean u : used) {
            if (!u) {
                unused++;
            }
        }
        return unused == frag;
    }
}
