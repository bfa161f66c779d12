package dev.litectl.query;

import dev.litectl.db.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A table of awkward values: NULLs, unicode (combining characters, emoji, CJK), quotes, separators, ±2^63. */
public final class Corpus {
    public static final String[] TEXTS = {
        null, "plain", "", "héllo wörld", "e\u0301 combining", "😀 emoji 👍🏽", "日本語テキスト", "say \"hi\"",
        "it's", "a,b,c", "tab\there", "line1\nline2", "cr\r\nlf", " leading space", "back\\slash", "semi;colon",
        "'; DROP TABLE corpus; --", "ctrl\u0001\u001b[31mred", "zero\u200Bwidth",
    };
    public static final Long[] NUMBERS = {
        null, 0L, -1L, 42L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53, 7L,
    };

    private Corpus() {}

    /** Creates {@code corpus(id, "naïve txt", num)} in a new database at {@code path}. */
    public static Path create(Path path) throws SQLException {
        try (Database db = Database.open(path)) {
            db.execute("CREATE TABLE corpus (id INTEGER PRIMARY KEY, \"naïve txt\" TEXT, num INTEGER)");
            try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO corpus VALUES (?, ?, ?)")) {
                int rows = Math.max(TEXTS.length, NUMBERS.length);
                for (int i = 0; i < rows; i++) {
                    ps.setInt(1, i + 1);
                    ps.setString(2, i < TEXTS.length ? TEXTS[i] : null);
                    if (i < NUMBERS.length && NUMBERS[i] != null) {
                        ps.setLong(3, NUMBERS[i]);
                    } else {
                        ps.setNull(3, java.sql.Types.INTEGER);
                    }
                    ps.executeUpdate();
                }
            }
        }
        return path;
    }
}
