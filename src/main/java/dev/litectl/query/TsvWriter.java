package dev.litectl.query;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tab-separated values with a header row: NULL empty, and a backslash, tab, newline or carriage return in a
 * value written as {@code \\}, {@code \t}, {@code \n}, {@code \r}, so every row stays one line.
 */
final class TsvWriter extends ResultWriter {
    TsvWriter(OutputStream target, FormatOptions options) {
        super(target, options);
    }

    @Override
    void begin(String[] columns) {
        if (!options.headers()) {
            return;
        }
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            text(columns[i].getBytes(StandardCharsets.UTF_8));
        }
        out.write('\n');
    }

    @Override
    void row(Row row) {
        int n = row.columns();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.write('\t');
            }
            switch (row.type(i)) {
                case Row.INTEGER -> out.writeLong(row.longValue(i));
                case Row.NULL -> { }
                case Row.REAL -> out.write(row.bytes(i));
                case Row.BLOB -> out.write(Values.blobLiteral(row.bytes(i)));
                default -> text(row.bytes(i));
            }
        }
        out.write('\n');
    }

    private void text(byte[] b) {
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

    @Override
    void end() {
        out.flush();
    }
}
