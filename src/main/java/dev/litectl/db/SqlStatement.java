package dev.litectl.db;

/** One statement of a SQL script: its text (from its first token to its semicolon) and the line it starts on. */
public record SqlStatement(String sql, int line) {

    /** The statement's leading keywords, upper-cased and single-spaced, up to {@code n} words. */
    public String leadingWords(int n) {
        StringBuilder out = new StringBuilder();
        int words = 0;
        int i = 0;
        while (i < sql.length() && words < n) {
            char c = sql.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                if (words > 0) {
                    out.append(' ');
                }
                out.append(sql, start, i);
                words++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                break;
            }
        }
        return out.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
