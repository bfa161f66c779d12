package dev.litectl.recover;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the pages of a database file, with the committed frames of its WAL laid over them. Trusts nothing:
 * the page size is taken from the first well-formed b-tree page found when the header's is wrong, a page
 * number out of range reads as missing, and a partial last page is left out.
 */
final class PageReader implements AutoCloseable {
    static final int MIN_PAGE = 512;
    static final int MAX_PAGE = 65536;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ByteSource db;
    private final ByteSource wal;
    private final byte[] header = new byte[100];
    private final boolean magicValid;
    private final int pageSize;
    private final long fileSize;
    private final long pageCount;
    private WalIndex walIndex = WalIndex.empty();
    private long pagesRead;

    /** Opens the reader; throws {@link NotSqliteException} when no page size can be found at all. */
    PageReader(ByteSource db, ByteSource wal) throws IOException {
        this.db = db;
        this.wal = wal;
        this.fileSize = db.size();
        db.read(0, header, 0, header.length);
        this.magicValid = Arrays.equals(Arrays.copyOf(header, 16), MAGIC);
        int fromHeader = Bytes.u16(header, 16) == 1 ? MAX_PAGE : Bytes.u16(header, 16);
        int detected = detectPageSize(db, fileSize);
        int size = detected;
        if (size == 0 && magicValid && validPageSize(fromHeader)) {
            size = fromHeader;
        }
        if (size == 0) {
            throw new NotSqliteException(magicValid
                    ? "the header's page size is invalid and no b-tree page was found"
                    : fileSize == 0 ? "the file is empty" : "no SQLite header and no b-tree page found");
        }
        if (fileSize < size && !(magicValid && fileSize >= MIN_PAGE)) {
            throw new NotSqliteException("shorter than one page (" + fileSize + " bytes)");
        }
        this.pageSize = size;
        // a partial last page is not read: its missing bytes would come back as zeros and be taken for data
        // (an overflow page cut short would complete a value with zeros); SQLite's recovery drops it too
        long count = fileSize / size;
        if (wal != null) {
            walIndex = WalIndex.read(wal, size);
            count = Math.max(count, Math.min(walIndex.committedPageCount(), walIndex.maxPage()));
        }
        this.pageCount = count;
    }

    static boolean validPageSize(int n) {
        return n >= MIN_PAGE && n <= MAX_PAGE && Integer.bitCount(n) == 1;
    }

    /**
     * The page size of the largest well-formed b-tree page in the first 256 KiB, as SQLite's recovery
     * extension finds it; 0 when there is none.
     */
    private static int detectPageSize(ByteSource db, long size) throws IOException {
        int blocks = (int) Math.min(4, (size + MAX_PAGE - 1) / MAX_PAGE);
        byte[] block = new byte[MAX_PAGE];
        int found = 0;
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(block, (byte) 0);
            db.read((long) b * MAX_PAGE, block, 0, MAX_PAGE);
            for (int candidate = found == 0 ? MIN_PAGE : found * 2; candidate <= MAX_PAGE; candidate *= 2) {
                for (int off = 0; off < MAX_PAGE; off += candidate) {
                    if (PageCheck.isWellFormed(block, off, candidate)) {
                        found = candidate;
                        break;
                    }
                }
            }
        }
        return found;
    }

    int pageSize() {
        return pageSize;
    }

    long pageCount() {
        return pageCount;
    }

    boolean magicValid() {
        return magicValid;
    }

    /** Text encoding from the header: 1 UTF-8, 2 UTF-16le, 3 UTF-16be; anything else is UTF-8. */
    int encoding() {
        long e = Bytes.u32(header, 56);
        return e == 2 || e == 3 ? (int) e : 1;
    }

    long headerInt(int offset) {
        return Bytes.u32(header, offset);
    }

    boolean autoVacuum() {
        return Bytes.u32(header, 52) != 0;
    }

    boolean walMode() {
        return Bytes.u8(header, 18) == 2 || Bytes.u8(header, 19) == 2;
    }

    int walFramesApplied() {
        return walIndex.committedFrames();
    }

    long pagesRead() {
        return pagesRead;
    }

    /** The page's bytes, or null when the number is out of range or the read fails. */
    byte[] page(long pgno) {
        byte[] page = new byte[pageSize];
        return readInto(pgno, page) ? page : null;
    }

    /** Reads the page into {@code page} (pageSize bytes); false when out of range or unreadable. */
    boolean readInto(long pgno, byte[] page) {
        if (pgno < 1 || pgno > pageCount) {
            return false;
        }
        try {
            long walOffset = walIndex.frameOffset(pgno);
            int n = walOffset >= 0
                    ? wal.read(walOffset, page, 0, pageSize)
                    : db.read((pgno - 1) * pageSize, page, 0, pageSize);
            if (n < pageSize) {
                java.util.Arrays.fill(page, Math.max(n, 0), pageSize, (byte) 0);
            }
        } catch (IOException e) {
            return false;
        }
        pagesRead++;
        return true;
    }

    /** Whether {@code pgno} is a pointer-map page of an auto-vacuum database (never a b-tree page). */
    boolean isPointerMapPage(long pgno) {
        if (!autoVacuum() || pgno < 2) {
            return false;
        }
        long perMap = pageSize / 5 + 1;
        return (pgno - 2) % perMap == 0;
    }

    @Override
    public void close() throws IOException {
        try {
            db.close();
        } finally {
            if (wal != null) {
                wal.close();
            }
        }
    }
}
