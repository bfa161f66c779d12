package dev.litectl.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's stdout as a UTF-8 PrintWriter that also hands out the byte stream under it, so that query
 * results can be written as bytes without decoding and re-encoding every value.
 */
final class StdoutWriter extends PrintWriter {
    private final OutputStream bytes;

    StdoutWriter(OutputStream bytes) {
        super(new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16), false);
        this.bytes = bytes;
    }

    /** The byte stream under {@code out} after flushing it, or null when {@code out} is not stdout. */
    static OutputStream bytesOf(PrintWriter out) {
        if (out instanceof StdoutWriter s) {
            s.flush();
            return s.bytes;
        }
        return null;
    }
}
