package dev.litectl.query;

import java.io.OutputStream;

/**
 * RFC 4180 CSV with a header row and LF line endings. A field is quoted exactly when the {@code sqlite3}
 * shell quotes it (empty text, a comma, or any byte that is a control character, space, quote,
 * apostrophe, DEL or non-ASCII), so the output is byte-identical to {@code sqlite3 -csv -header}.
 */
final class CsvWriter extends DelimitedWriter {
    private static final boolean[] NEEDS_QUOTE = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            NEEDS_QUOTE[c] = c <= 0x20 || c == '"' || c == '\'' || c == ',' || c >= 0x7f;
        }
    }

    CsvWriter(OutputStream target, FormatOptions options) {
        super(target, options, ',');
    }

    @Override
    void text(byte[] b) {
        boolean quote = b.length == 0;
        for (int i = 0; i < b.length && !quote; i++) {
            quote = NEEDS_QUOTE[b[i] & 0xff];
        }
        if (!quote) {
            out.write(b);
            return;
        }
        out.write('"');
        int from = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '"') {
                out.write(b, from, i + 1 - from);
                out.write('"');
                from = i + 1;
            }
        }
        out.write(b, from, b.length - from);
        out.write('"');
    }
}
