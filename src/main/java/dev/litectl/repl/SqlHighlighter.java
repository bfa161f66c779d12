package dev.litectl.repl;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours keywords, strings, numbers and comments as they are typed; plain text when colour is off. */
final class SqlHighlighter implements Highlighter {
    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    private static final AttributedStyle DOT = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    private final boolean color;

    SqlHighlighter(boolean color) {
        this.color = color;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!color) {
            return new AttributedString(buffer);
        }
        return highlight(buffer);
    }

    static AttributedString highlight(String s) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (s.stripLeading().startsWith(".")) {
            int end = s.indexOf(' ');
            end = end < 0 ? s.length() : end;
            return sb.styled(DOT, s.substring(0, end)).append(s.substring(end)).toAttributedString();
        }
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? n : end;
                sb.styled(COMMENT, s.substring(start, i));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                sb.styled(COMMENT, s.substring(start, i));
            } else if (c == '\'') {
                i++;
                while (i < n && !(s.charAt(i) == '\'' && (i + 1 >= n || s.charAt(i + 1) != '\''))) {
                    i += s.charAt(i) == '\'' ? 2 : 1;
                }
                i = Math.min(n, i + 1);
                sb.styled(STRING, s.substring(start, i));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                sb.styled(NUMBER, s.substring(start, i));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                String w = s.substring(start, i);
                if (SqlKeywords.isKeyword(w)) {
                    sb.styled(KEYWORD, w);
                } else {
                    sb.append(w);
                }
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toAttributedString();
    }
}
