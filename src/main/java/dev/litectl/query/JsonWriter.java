package dev.litectl.query;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code json}: one array of objects per statement, one object per line, {@code []} when empty;
 * {@code jsonl}: one object per line. Integers are JSON numbers, reals SQLite's text for them (infinity as
 * {@code 1e999}, as SQLite's own JSON functions write it), NULL {@code null}, text a JSON string (invalid
 * UTF-8 replaced by U+FFFD, so the output is always valid UTF-8), a blob {@code {"base64":"..."}}.
 */
final class JsonWriter extends ResultWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final boolean lines;
    private byte[][] keys;
    private boolean any;

    JsonWriter(OutputStream target, FormatOptions options, boolean lines) {
        super(target, options);
        this.lines = lines;
    }

    @Override
    void begin(String[] columns) {
        keys = new byte[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            ByteOut.Collector c = new ByteOut.Collector();
            ByteOut key = new ByteOut(c);
            key.write(i == 0 ? '{' : ',');
            string(key, columns[i]);
            key.write(':');
            key.flush();
            keys[i] = c.toByteArray();
        }
        any = false;
    }

    @Override
    void row(Row row) {
        if (!lines) {
            out.write(any ? ',' : '[');
            if (any) {
                out.write('\n');
            }
        }
        any = true;
        int n = row.columns();
        for (int i = 0; i < n; i++) {
            out.write(keys[i]);
            switch (row.type(i)) {
                case Row.INTEGER -> out.writeLong(row.longValue(i));
                case Row.NULL -> out.write("null");
                case Row.REAL -> real(row.bytes(i));
                case Row.BLOB -> {
                    out.write("{\"base64\":\"");
                    out.write(Base64.getEncoder().encode(row.bytes(i)));
                    out.write("\"}");
                }
                default -> text(row.bytes(i));
            }
        }
        out.write(n == 0 ? "{}" : "}");
        if (lines) {
            out.write('\n');
        }
    }

    private void real(byte[] b) {
        char first = (char) b[0];
        if (first == 'I' || (first == '-' && b.length > 1 && b[1] == 'I')) {
            out.write(first == '-' ? "-1e999" : "1e999");
        } else if (first == 'N') {
            out.write("null");
        } else {
            out.write(b);
        }
    }

    private void text(byte[] b) {
        boolean ascii = true;
        for (byte c : b) {
            if ((c >= 0 && c < 0x20) || c == '"' || c == '\\' || c == 0x7f) {
                string(out, new String(b, StandardCharsets.UTF_8));
                return;
            }
            ascii &= c >= 0;
        }
        if (!ascii && new String(b, StandardCharsets.UTF_8).indexOf('\uFFFD') >= 0) {
            // invalid UTF-8 (or a real U+FFFD): re-encode, so the output is valid UTF-8 either way
            string(out, new String(b, StandardCharsets.UTF_8));
            return;
        }
        out.write('"');
        out.write(b);
        out.write('"');
    }

    private static void string(ByteOut o, String s) {
        o.write('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            o.write(s.substring(from, i));
            switch (c) {
                case '"' -> o.write("\\\"");
                case '\\' -> o.write("\\\\");
                case '\n' -> o.write("\\n");
                case '\r' -> o.write("\\r");
                case '\t' -> o.write("\\t");
                default -> {
                    if (Character.isSurrogate(c)) {
                        c = '\uFFFD';
                    }
                    o.write("\\u");
                    o.write(HEX[(c >> 12) & 0xf]);
                    o.write(HEX[(c >> 8) & 0xf]);
                    o.write(HEX[(c >> 4) & 0xf]);
                    o.write(HEX[c & 0xf]);
                }
            }
            from = i + 1;
        }
        o.write(s.substring(from));
        o.write('"');
    }

    @Override
    void end() {
        if (!lines) {
            out.write(any ? "]\n" : "[]\n");
        }
        out.flush();
    }
}
