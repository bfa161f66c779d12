package dev.litectl.query;

/**
 * How results are printed besides their format: whether to print the header, and the width that the
 * table formats must fit in (0 for no limit; wider cells are cut with an ellipsis).
 */
public record FormatOptions(boolean headers, int maxWidth) {
    public static final FormatOptions DEFAULT = new FormatOptions(true, 0);

    public FormatOptions withHeaders(boolean on) {
        return new FormatOptions(on, maxWidth);
    }

    public FormatOptions withMaxWidth(int width) {
        return new FormatOptions(headers, width);
    }
}
