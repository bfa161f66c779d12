package dev.litectl.stress;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Latencies per operation name, in nanoseconds, in HdrHistograms (3 significant digits, auto-resizing), plus
 * the count of failed operations. One per worker thread; merged per process and across processes (a child
 * sends its histograms in HdrHistogram's compressed encoding).
 */
final class LatencyRecorder {
    /** One operation's histogram, whether it writes, and how many times it failed. */
    static final class Entry {
        final Histogram histogram = new Histogram(3);
        final boolean write;
        long failed;

        Entry(boolean write) {
            this.write = write;
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    private Entry entry(String name, boolean write) {
        return entries.computeIfAbsent(name, n -> new Entry(write));
    }

    void record(String name, boolean write, long nanos) {
        entry(name, write).histogram.recordValue(Math.max(1, nanos));
    }

    void failed(String name, boolean write) {
        entry(name, write).failed++;
    }

    void addAll(LatencyRecorder other) {
        for (var e : other.entries.entrySet()) {
            Entry mine = entry(e.getKey(), e.getValue().write);
            mine.histogram.add(e.getValue().histogram);
            mine.failed += e.getValue().failed;
        }
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /** {@code name write failed histogram}: one line per operation, the histogram base64 of its compressed form. */
    static String encode(String name, Entry e) {
        ByteBuffer buf = ByteBuffer.allocate(e.histogram.getNeededByteBufferCapacity());
        int n = e.histogram.encodeIntoCompressedByteBuffer(buf);
        return name + " " + e.write + " " + e.failed + " " + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n));
    }

    /** Adds a line written by {@link #encode}. */
    void decode(String line) {
        String[] f = line.split(" ");
        if (f.length != 4) {
            throw new IllegalArgumentException("malformed latency line: " + line);
        }
        Entry mine = entry(f[0], Boolean.parseBoolean(f[1]));
        mine.failed += Long.parseLong(f[2]);
        try {
            mine.histogram.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(f[3])), 0));
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("malformed histogram for " + f[0], e);
        }
    }
}
