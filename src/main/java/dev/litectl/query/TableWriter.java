package dev.litectl.query;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code table} (ASCII borders), {@code box} (Unicode borders) and {@code markdown}: columns aligned by
 * display width, numbers to the right. Column widths come from the first {@value #WINDOW} rows, so memory
 * stays flat; a wider value further down is printed whole (or cut to {@link FormatOptions#maxWidth}).
 */
final class TableWriter extends ResultWriter {
    static final int WINDOW = 1000;
    private final OutputFormat format;
    private String[] names;
    private List<String[]> pending = new ArrayList<>();
    private boolean[] numeric;
    private boolean[] seen;
    private int[] width;

    TableWriter(OutputStream target, FormatOptions options, OutputFormat format) {
        super(target, options);
        this.format = format;
    }

    @Override
    void begin(String[] columns) {
        names = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            names[i] = Values.escapeControls(columns[i]);
        }
        numeric = new boolean[columns.length];
        java.util.Arrays.fill(numeric, true);
        seen = new boolean[columns.length];
        pending = new ArrayList<>();
        width = null;
    }

    @Override
    void row(Row row) {
        int n = row.columns();
        String[] cells = new String[n];
        for (int i = 0; i < n; i++) {
            int type = row.type(i);
            cells[i] = Values.display(row, i);
            if (width == null && type != Row.NULL) {
                seen[i] = true;
                numeric[i] &= type == Row.INTEGER || type == Row.REAL;
            }
        }
        if (width != null) {
            line(cells);
            return;
        }
        pending.add(cells);
        if (pending.size() == WINDOW) {
            layout();
        }
    }

    private void layout() {
        int n = names.length;
        width = new int[n];
        for (int i = 0; i < n; i++) {
            numeric[i] &= seen[i];
            width[i] = Math.max(format == OutputFormat.MARKDOWN ? 3 : 1, options.headers() ? DisplayWidth.of(names[i]) : 0);
            for (String[] r : pending) {
                width[i] = Math.max(width[i], DisplayWidth.of(r[i]));
            }
        }
        fitToMaxWidth();
        top();
        if (options.headers()) {
            line(names, true);
            separator();
        }
        for (String[] r : pending) {
            line(r);
        }
        pending = new ArrayList<>();
    }

    /** Narrows the widest columns until a line fits in maxWidth (never below 3 columns each). */
    private void fitToMaxWidth() {
        int max = options.maxWidth();
        if (max <= 0) {
            return;
        }
        while (lineWidth() > max) {
            int widest = 0;
            for (int i = 1; i < width.length; i++) {
                if (width[i] > width[widest]) {
                    widest = i;
                }
            }
            if (width[widest] <= 3) {
                return;
            }
            width[widest]--;
        }
    }

    private int lineWidth() {
        int total = 1;
        for (int w : width) {
            total += w + 3;
        }
        return total;
    }

    private void top() {
        switch (format) {
            case TABLE -> rule('+', '+', '+', '-');
            case BOX -> rule('┌', '┬', '┐', '─');
            default -> { }
        }
    }

    private void separator() {
        switch (format) {
            case TABLE -> rule('+', '+', '+', '-');
            case BOX -> rule('├', '┼', '┤', '─');
            default -> {
                StringBuilder sb = new StringBuilder("|");
                for (int i = 0; i < width.length; i++) {
                    sb.append(numeric[i] ? "-".repeat(width[i] + 1) + ":" : "-".repeat(width[i] + 2)).append('|');
                }
                out.write(sb.append('\n').toString());
            }
        }
    }

    private void bottom() {
        switch (format) {
            case TABLE -> rule('+', '+', '+', '-');
            case BOX -> rule('└', '┴', '┘', '─');
            default -> { }
        }
    }

    private void rule(char left, char mid, char right, char fill) {
        StringBuilder sb = new StringBuilder().append(left);
        for (int i = 0; i < width.length; i++) {
            sb.append(String.valueOf(fill).repeat(width[i] + 2)).append(i == width.length - 1 ? right : mid);
        }
        out.write(sb.append('\n').toString());
    }

    private void line(String[] cells) {
        line(cells, false);
    }

    private void line(String[] cells, boolean header) {
        String bar = format == OutputFormat.BOX ? "│" : "|";
        StringBuilder sb = new StringBuilder(bar);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (format == OutputFormat.MARKDOWN) {
                c = c.replace("|", "\\|");
            }
            if (options.maxWidth() > 0) {
                c = DisplayWidth.truncate(c, width[i]);
            }
            int pad = Math.max(0, width[i] - DisplayWidth.of(c));
            sb.append(' ');
            if (numeric[i] && !header) {
                sb.append(" ".repeat(pad)).append(c);
            } else {
                sb.append(c).append(" ".repeat(pad));
            }
            sb.append(' ').append(bar);
        }
        out.write(sb.append('\n').toString());
    }

    @Override
    void end() {
        if (width == null) {
            layout();
        }
        bottom();
        out.flush();
    }
}
