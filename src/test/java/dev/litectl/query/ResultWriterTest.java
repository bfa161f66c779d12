package dev.litectl.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writers on their own: fitting a terminal's width, display width, and windows of the table formats. */
class ResultWriterTest {
    private static String write(OutputFormat f, FormatOptions o, String[] cols, List<Object[]> rows) {
        StringWriter out = new StringWriter();
        ResultWriter.create(f, out, o).write(cols, rows);
        return out.toString();
    }

    @Test
    void tableWiderThanTheTerminalIsCutWithAnEllipsisInsteadOfWrapping() {
        List<Object[]> rows = List.<Object[]>of(new Object[] {1L, "x".repeat(200), "日本語".repeat(30)});
        for (OutputFormat f : List.of(OutputFormat.TABLE, OutputFormat.BOX, OutputFormat.MARKDOWN)) {
            String out = write(f, FormatOptions.DEFAULT.withMaxWidth(60), new String[] {"id", "long", "wide"}, rows);
            for (String line : out.split("\n")) {
                assertTrue(DisplayWidth.of(line) <= 60, f + ": " + line);
            }
            assertTrue(out.contains("…"), out);
        }
        String line = write(OutputFormat.LINE, FormatOptions.DEFAULT.withMaxWidth(40), new String[] {"id", "long", "wide"}, rows);
        assertTrue(line.lines().allMatch(l -> DisplayWidth.of(l) <= 40), line);
    }

    @Test
    void displayWidthCountsWideCharactersTwiceAndCombiningMarksNever() {
        assertEquals(6, DisplayWidth.of("日本語"));
        assertEquals(1, DisplayWidth.of("e\u0301"));
        assertEquals(2, DisplayWidth.of("😀"));
        assertEquals(2, DisplayWidth.of("👍🏽"));
        assertEquals(5, DisplayWidth.of("plain"));
    }

    @Test
    void columnsAreSizedByTheFirstWindowAndLaterRowsStillPrintWhole() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < TableWriter.WINDOW + 5; i++) {
            rows.add(new Object[] {(long) i, "a"});
        }
        rows.add(new Object[] {-1L, "a much longer value after the first window"});
        String out = write(OutputFormat.TABLE, FormatOptions.DEFAULT, new String[] {"n", "v"}, rows);
        assertEquals(TableWriter.WINDOW + 6 + 4, out.lines().count(), "rule, header, rule, rows, rule");
        assertTrue(out.contains("| a much longer value after the first window |"), "printed whole, never cut");
    }

    @Test
    void jsonIsValidUtf8EvenWhenTheStoredTextIsNot() throws Exception {
        byte[] invalid = {'a', (byte) 0xff, 'b', (byte) 0xc3};
        Row row = new Row() {
            public int columns() {
                return 1;
            }

            public int type(int c) {
                return TEXT;
            }

            public long longValue(int c) {
                return 0;
            }

            public byte[] bytes(int c) {
                return invalid;
            }
        };
        for (OutputFormat f : List.of(OutputFormat.JSON, OutputFormat.JSONL)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ResultWriter w = ResultWriter.create(f, out, FormatOptions.DEFAULT);
            w.begin(new String[] {"t"});
            w.row(row);
            w.end();
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
            assertTrue(text.contains("\"a\uFFFDb\uFFFD\""), text);
        }
    }

    @Test
    void headersOffLeavesOutTheHeaderInEveryFormat() {
        List<Object[]> rows = List.<Object[]>of(new Object[] {1L, null});
        assertEquals("1,\n", write(OutputFormat.CSV, new FormatOptions(false, 0), new String[] {"a", "b"}, rows));
        assertEquals("1\t\n", write(OutputFormat.TSV, new FormatOptions(false, 0), new String[] {"a", "b"}, rows));
        assertEquals("+---+---+\n| 1 |   |\n+---+---+\n",
                write(OutputFormat.TABLE, new FormatOptions(false, 0), new String[] {"a", "b"}, rows));
    }
}
