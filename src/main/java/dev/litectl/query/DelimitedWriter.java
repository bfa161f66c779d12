package dev.litectl.query;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One line per row, fields joined by a separator, a header row unless headers are off: the shape CSV and TSV
 * share. Subclasses say how a text field is written (quoted or escaped).
 */
abstract class DelimitedWriter extends ResultWriter {
    private final char separator;

    DelimitedWriter(OutputStream target, FormatOptions options, char separator) {
        super(target, options);
        this.separator = separator;
    }

    /** Writes one text field (UTF-8 bytes), quoted or escaped as the format requires. */
    abstract void text(byte[] b);

    @Override
    final void begin(String[] columns) {
        if (!options.headers()) {
            return;
        }
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                out.write(separator);
            }
            text(columns[i].getBytes(StandardCharsets.UTF_8));
        }
        out.write('\n');
    }

    @Override
    final void row(Row row) {
        int n = row.columns();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.write(separator);
            }
            switch (row.type(i)) {
                case Row.INTEGER -> out.writeLong(row.longValue(i));
                case Row.NULL -> { }
                case Row.REAL -> out.write(row.bytes(i));
                case Row.BLOB -> text(Values.blobLiteral(row.bytes(i)).getBytes(StandardCharsets.US_ASCII));
                default -> text(row.bytes(i));
            }
        }
        out.write('\n');
    }

    @Override
    final void end() {
        out.flush();
    }
}
