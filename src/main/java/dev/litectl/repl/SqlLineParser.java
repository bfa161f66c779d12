package dev.litectl.repl;

import dev.litectl.db.SqlScript;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Splits the line into words for completion (a word is letters, digits, '_', '$' and '.'), and keeps
 * reading lines until a SQL statement is complete (ends with ';' as {@code sqlite3_complete} decides); a
 * dot-command is always one line.
 */
final class SqlLineParser extends DefaultParser {
    SqlLineParser() {
        setQuoteChars(new char[0]);
        setEscapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && needsMore(line)) {
            throw new EOFError(-1, -1, "statement not complete", "missing ;");
        }
        return super.parse(line, cursor, context);
    }

    static boolean needsMore(String line) {
        String t = line.strip();
        // only comments and blanks: nothing to run, so nothing to wait for
        return !t.isEmpty() && !t.startsWith(".") && !SqlScript.isComplete(line) && !SqlScript.split(line).isEmpty();
    }

    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
        char c = buffer.charAt(pos);
        return !(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.');
    }
}
