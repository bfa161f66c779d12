package dev.litectl.query;

import java.io.OutputStream;

/** {@code line}: one {@code name = value} line per column, names right-aligned, a blank line between rows. */
final class LineWriter extends ResultWriter {
    private String[] labels;
    private boolean any;

    LineWriter(OutputStream target, FormatOptions options) {
        super(target, options);
    }

    @Override
    void begin(String[] columns) {
        int w = 0;
        labels = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            labels[i] = Values.escapeControls(columns[i]);
            w = Math.max(w, DisplayWidth.of(labels[i]));
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = " ".repeat(w - DisplayWidth.of(labels[i])) + labels[i] + " = ";
        }
        any = false;
    }

    @Override
    void row(Row row) {
        if (any) {
            out.write('\n');
        }
        any = true;
        for (int i = 0; i < row.columns(); i++) {
            out.write(labels[i]);
            String v = Values.display(row, i);
            out.write(options.maxWidth() > 0 ? DisplayWidth.truncate(v, Math.max(8, options.maxWidth() - DisplayWidth.of(labels[i]))) : v);
            out.write('\n');
        }
    }

    @Override
    void end() {
        out.flush();
    }
}
