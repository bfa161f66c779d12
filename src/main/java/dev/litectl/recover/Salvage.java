package dev.litectl.recover;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Page-level salvage, with no output of its own: reads the schema, walks each b-tree from its root page,
 * accounts for the freelist and pointer-map pages, and finds the orphan pages that hold records. Every page
 * is checked before use and each walk detects cycles, so no input makes it throw, loop or allocate more than
 * a few pages at a time, plus a few bytes per page of the tree being walked and the payload of the record
 * at hand.
 */
final class Salvage {
    /** One record found on a page. */
    interface RowVisitor {
        void row(long pgno, boolean hasRowid, long rowid, List<Object> values);
    }

    /** What walking one tree found. */
    record TreeScan(long pagesRead, long pagesUnreadable, long cycles, long overflowLoops) {}

    /** The orphan pages: their parents among themselves and the widest record on them. */
    record LostPages(BitSet pages, Map<Long, Long> parents, int maxFields) {}

    private final PageReader reader;
    private final RecordDecoder decoder;
    private final BitSet used = new BitSet();
    private long freelistPages;
    private boolean freelistLoop;

    Salvage(PageReader reader) {
        this.reader = reader;
        this.decoder = new RecordDecoder(reader.encoding());
    }

    PageReader reader() {
        return reader;
    }

    /** The rows of {@code sqlite_schema} that could be read (the tree rooted at page 1). */
    List<SchemaEntry> readSchema() {
        List<SchemaEntry> out = new ArrayList<>();
        scanTree(1, (pgno, hasRowid, rowid, values) -> {
            // only rows that can be schema rows are kept: a damaged interior page of sqlite_schema may
            // point into a big table, whose records must not pile up here
            if (!values.isEmpty() && values.get(0) instanceof String type && SchemaEntry.TYPES.contains(type)) {
                out.add(SchemaEntry.of(values));
            }
        });
        return out;
    }

    /** Whether page 1 is a b-tree page, i.e. the schema itself could be read (even if empty). */
    boolean schemaPageReadable() {
        byte[] page = reader.page(1);
        return page != null && BTreePage.isBTreeType(new BTreePage(1, page).type());
    }

    /** Walks the tree at {@code root}, visiting every record on it; each page at most once. */
    TreeScan scanTree(long root, RowVisitor visitor) {
        return walk(root, visitor);
    }

    /** Marks the pages of the tree at {@code root} (an index) as accounted for, without decoding its cells. */
    void markTree(long root) {
        walk(root, null);
    }

    private TreeScan walk(long root, RowVisitor visitor) {
        long read = 0;
        long unreadable = 0;
        long cycles = 0;
        long loops = 0;
        BitSet visited = new BitSet();
        Deque<Long> todo = new ArrayDeque<>();
        // breadth first, each page at its first discovery, children in the order SQLite's own recovery
        // lists them (right-most pointer first): rows then meet in the same order as in the shell's
        // .recover, so where damage makes two records claim one key, the same one wins
        enqueue(todo, visited, root);
        List<Long> damaged = new ArrayList<>();
        byte[] buf = new byte[reader.pageSize()];
        while (!todo.isEmpty()) {
            long pgno = todo.removeFirst();
            if (pgno < 1 || pgno > reader.pageCount()) {
                unreadable++;
                continue;
            }
            used.set((int) pgno);
            if (!reader.readInto(pgno, buf)) {
                unreadable++;
                continue;
            }
            BTreePage page = new BTreePage(pgno, buf);
            if (!BTreePage.isBTreeType(page.type())) {
                unreadable++;
                continue;
            }
            read++;
            if (page.isInterior()) {
                for (long child : page.children()) {
                    if (child != 0 && !enqueue(todo, visited, child)) {
                        cycles++;
                    }
                }
            }
            if (visitor != null) {
                loops += page.cells(reader, (i, hasRowid, rowid, payload) ->
                        visitor.row(pgno, hasRowid, rowid, decoder.decode(payload)), BTreePage.Cells.BEFORE_DAMAGE);
                if (page.hasMalformedCell()) {
                    damaged.add(pgno);
                }
            }
        }
        // the cells after a malformed one come last: SQLite's recovery drops them, and they are the likeliest
        // to be garbage, so they only fill keys that no other record claimed
        for (long pgno : damaged) {
            if (reader.readInto(pgno, buf)) {
                loops += new BTreePage(pgno, buf).cells(reader, (i, hasRowid, rowid, payload) ->
                        visitor.row(pgno, hasRowid, rowid, decoder.decode(payload)), BTreePage.Cells.AFTER_DAMAGE);
            }
        }
        return new TreeScan(read, unreadable, cycles, loops);
    }

    /** Queues a page not queued before; false when it was (a cycle, or two parents claiming one child). */
    private static boolean enqueue(Deque<Long> todo, BitSet visited, long pgno) {
        if (pgno >= 1 && pgno <= Integer.MAX_VALUE) {
            if (visited.get((int) pgno)) {
                return false;
            }
            visited.set((int) pgno);
        }
        todo.addLast(pgno);
        return true;
    }

    /** Marks the freelist's trunk and leaf pages as accounted for; stops at a loop in the trunk chain. */
    void markFreelist() {
        long trunk = reader.headerInt(32);
        Set<Long> seen = new HashSet<>();
        while (trunk > 0 && trunk <= reader.pageCount()) {
            if (!seen.add(trunk)) {
                freelistLoop = true;
                break;
            }
            used.set((int) trunk);
            freelistPages++;
            byte[] page = reader.page(trunk);
            if (page == null) {
                break;
            }
            long leaves = Math.min(Math.min(16384, Bytes.u32(page, 4)), page.length / 4 - 2);
            for (int k = 0; k < leaves; k++) {
                long leaf = Bytes.u32(page, 8 + 4 * k);
                if (leaf >= 1 && leaf <= reader.pageCount()) {
                    used.set((int) leaf);
                    freelistPages++;
                }
            }
            trunk = Bytes.u32(page, 0);
        }
    }

    /** Marks the pointer-map pages of an auto-vacuum database: they are never b-tree pages. */
    void markPointerMaps() {
        for (long p = 2; p <= reader.pageCount(); p++) {
            if (reader.isPointerMapPage(p)) {
                used.set((int) p);
            }
        }
    }

    long freelistPages() {
        return freelistPages;
    }

    boolean freelistLoop() {
        return freelistLoop;
    }

    /** Pages that no tree, the freelist or a pointer map accounts for, with their parents and widest record. */
    LostPages findLost() {
        BitSet orphans = new BitSet();
        Map<Long, Long> parents = new HashMap<>();
        int[] max = {0};
        byte[] buf = new byte[reader.pageSize()];
        long count = Math.min(reader.pageCount(), Integer.MAX_VALUE - 1);
        for (int p = 1; p <= count; p++) {
            if (used.get(p) || !reader.readInto(p, buf)) {
                continue;
            }
            BTreePage page = new BTreePage(p, buf);
            if (!BTreePage.isBTreeType(page.type())) {
                continue;
            }
            orphans.set(p);
            if (page.isInterior()) {
                for (long child : page.children()) {
                    if (child >= 1 && child <= count && !used.get((int) child)) {
                        parents.putIfAbsent(child, (long) p);
                    }
                }
            }
            page.cells(reader, (i, hasRowid, rowid, payload) ->
                    max[0] = Math.max(max[0], decoder.decode(payload).size()));
        }
        return new LostPages(orphans, parents, max[0]);
    }

    /** Visits the records of the orphan pages, each with the root of the orphan tree it hangs from. */
    void scanLost(LostPages lost, LostVisitor visitor) {
        byte[] buf = new byte[reader.pageSize()];
        for (int p = lost.pages().nextSetBit(0); p >= 0; p = lost.pages().nextSetBit(p + 1)) {
            if (!reader.readInto(p, buf)) {
                continue;
            }
            BTreePage page = new BTreePage(p, buf);
            long root = root(lost.parents(), p);
            long pgno = p;
            page.cells(reader, (i, hasRowid, rowid, payload) ->
                    visitor.row(root, pgno, hasRowid, rowid, decoder.decode(payload)));
        }
    }

    /** One record of an orphan page. */
    interface LostVisitor {
        void row(long root, long pgno, boolean hasRowid, long rowid, List<Object> values);
    }

    /** The top of the chain of parents above {@code p}; {@code p} itself when the chain loops. */
    private static long root(Map<Long, Long> parents, long p) {
        Set<Long> seen = new HashSet<>();
        long at = p;
        while (parents.containsKey(at)) {
            if (!seen.add(at)) {
                return p;
            }
            at = parents.get(at);
        }
        return at;
    }
}
