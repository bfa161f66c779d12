package dev.litectl.query;

import java.nio.charset.StandardCharsets;

/** How one cell reads as text for the human formats (table, box, markdown, line): the output contract of DESIGN.md. */
final class Values {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Values() {}

    /** The cell as display text: NULL blank, numbers as SQLite prints them, text with control characters escaped, blobs as x'..'. */
    static String display(Row row, int i) {
        return switch (row.type(i)) {
            case Row.NULL -> "";
            case Row.INTEGER -> Long.toString(row.longValue(i));
            case Row.REAL -> new String(row.bytes(i), StandardCharsets.US_ASCII);
            case Row.BLOB -> blobLiteral(row.bytes(i));
            default -> escapeControls(new String(row.bytes(i), StandardCharsets.UTF_8));
        };
    }

    /** {@code x'00ff10'}: a blob as a SQL literal that pastes back into SQL. */
    static String blobLiteral(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2 + 3).append("x'");
        for (byte x : b) {
            sb.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
        }
        return sb.append('\'').toString();
    }

    /** Control characters as visible escapes ({@code \n}, {@code \t}, {@code \r}, {@code \x1b}), so a value cannot drive the terminal. */
    static String escapeControls(String s) {
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append("\\x").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                if (c > 0xff) {
                    sb.setLength(sb.length() - 4);
                    sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                            .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                }
            }
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        // C0, DEL, C1, and the bidirectional overrides that can reorder what a terminal shows
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
