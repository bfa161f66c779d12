package dev.litectl.migrate;

import dev.litectl.db.SqlScript;
import dev.litectl.db.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The up or down part of a migration: its SQL, the line of the file it starts on, and its marker options
 * ({@code no-transaction}: run outside a transaction; {@code foreign-keys on}: keep foreign-key actions live).
 */
public record Section(String sql, int firstLine, boolean noTransaction, boolean foreignKeysOn) {

    /** The options as written on the marker line, e.g. {@code "no-transaction"}; empty when none. */
    public String options() {
        List<String> out = new ArrayList<>();
        if (noTransaction) {
            out.add("no-transaction");
        }
        if (foreignKeysOn) {
            out.add("foreign-keys on");
        }
        return String.join(" ", out);
    }

    /** Rebuilds a section from the SQL and options stored in the history table. */
    public static Section stored(String sql, String options) {
        String o = options == null ? "" : options;
        return new Section(sql, 1, o.contains("no-transaction"), o.contains("foreign-keys on"));
    }

    public List<SqlStatement> statements() {
        return SqlScript.split(sql, firstLine);
    }

    /** True when the section holds no statement (only blanks and comments). */
    public boolean isEmpty() {
        return statements().isEmpty();
    }
}
