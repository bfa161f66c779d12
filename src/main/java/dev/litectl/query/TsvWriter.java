package dev.litectl.query;

import java.io.OutputStream;

/**
 * Tab-separated values with a header row: NULL empty, and a backslash, tab, newline or carriage return in a
 * value written as {@code \\}, {@code \t}, {@code \n}, {@code \r}, so every row stays one line.
 */
final class TsvWriter extends DelimitedWriter {
    TsvWriter(OutputStream target, FormatOptions options) {
        super(target, options, '\t');
    }

    @Override
    void text(byte[] b) {
        int from = 0;
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            char esc = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : 0;
            if (esc != 0) {
                out.write(b, from, i - from);
                out.write('\\');
                out.write(esc);
                from = i + 1;
            }
        }
        out.write(b, from, b.length - from);
    }
}
