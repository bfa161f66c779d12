package dev.litectl.query;

import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * Prints the rows of one statement after another in one {@link OutputFormat}, streaming: only the table
 * formats hold rows, and at most {@link TableWriter#WINDOW} of them at a time. Not thread-safe.
 */
public abstract class ResultWriter {
    final ByteOut out;
    final FormatOptions options;

    ResultWriter(OutputStream target, FormatOptions options) {
        this.out = new ByteOut(target);
        this.options = options;
    }

    /** A writer of {@code format} on {@code target}; each statement's result is flushed when it ends. */
    public static ResultWriter create(OutputFormat format, OutputStream target, FormatOptions options) {
        return switch (format) {
            case CSV -> new CsvWriter(target, options);
            case TSV -> new TsvWriter(target, options);
            case JSON, JSONL -> new JsonWriter(target, options, format == OutputFormat.JSONL);
            case TABLE, BOX, MARKDOWN -> new TableWriter(target, options, format);
            case LINE -> new LineWriter(target, options);
        };
    }

    /** A writer of {@code format} on a character stream (a terminal's writer, a test's StringWriter). */
    public static ResultWriter create(OutputFormat format, Writer target, FormatOptions options) {
        return create(format, new WriterStream(target), options);
    }

    /**
     * Prints a small in-memory result (a REPL report) like a statement's rows: values are Long, Integer,
     * Double, String, byte[] or null.
     */
    public void write(String[] columns, List<Object[]> rows) {
        begin(columns);
        try {
            for (Object[] r : rows) {
                row(new ValuesRow(r));
            }
        } finally {
            end();
        }
    }

    /** Starts the result of one statement with these column names. */
    abstract void begin(String[] columns);

    abstract void row(Row row);

    /** Ends the result of the statement begun last and flushes it. */
    abstract void end();
}
