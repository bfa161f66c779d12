package dev.litectl.query;

import java.util.Locale;

/** The output formats of query, the REPL and reports (DESIGN.md, "Output formats"). */
public enum OutputFormat {
    TABLE, BOX, CSV, TSV, JSON, JSONL, MARKDOWN, LINE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
