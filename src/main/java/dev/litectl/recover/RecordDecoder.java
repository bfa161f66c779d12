package dev.litectl.recover;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a record (header of serial types, then the values) into Java values: null, {@link Long},
 * {@link Double}, {@link String}, {@code byte[]} for blobs and {@link RawText} for text that is not valid in
 * the database encoding. Leniently, as SQLite's recovery does: a header longer than the record is taken as
 * empty, and a value cut short by the end of the record reads as 0, 0.0, '' or an empty blob.
 */
final class RecordDecoder {
    /** SQLite's hard limit on the columns of a record. */
    static final int MAX_FIELDS = 32676;

    private final java.nio.charset.CharsetDecoder decoder;

    RecordDecoder(int encoding) {
        Charset cs = switch (encoding) {
            case 2 -> StandardCharsets.UTF_16LE;
            case 3 -> StandardCharsets.UTF_16BE;
            default -> StandardCharsets.UTF_8;
        };
        this.decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The values of a record; never throws, whatever the bytes. */
    List<Object> decode(byte[] rec) {
        int n = rec.length;
        long headerSize = Bytes.varintU32(rec, 0, n);
        int h = Bytes.varintLength(rec, 0, n);
        if (headerSize > n) {
            headerSize = 0;
        }
        List<Object> values = new ArrayList<>();
        int p = (int) headerSize;
        while (h < headerSize && values.size() < MAX_FIELDS) {
            long type = Bytes.varintU32(rec, h, n);
            values.add(value(type, rec, p, n - p));
            h += Bytes.varintLength(rec, h, n);
            long size = valueBytes(type);
            p = n - p < size ? n : p + (int) size;
        }
        return values;
    }

    static long valueBytes(long type) {
        if (type >= 12) {
            return (type - 12) / 2;
        }
        return switch ((int) type) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> 0;
        };
    }

    private Object value(long type, byte[] rec, int p, int available) {
        long size = valueBytes(type);
        if (size > available) {
            if (type == 7) {
                return 0.0;
            }
            if (type < 7) {
                return 0L;
            }
            return type % 2 == 1 ? "" : new byte[0];
        }
        if (type == 0 || type == 10 || type == 11) {
            return null;
        }
        if (type == 8 || type == 9) {
            return type - 8;
        }
        if (type <= 7) {
            long v = rec[p];
            for (int i = 1; i < size; i++) {
                v = (v << 8) | (rec[p + i] & 0xff);
            }
            if (type == 7) {
                return Double.longBitsToDouble(v);
            }
            return v;
        }
        byte[] bytes = java.util.Arrays.copyOfRange(rec, p, p + (int) size);
        return type % 2 == 1 ? text(bytes) : bytes;
    }

    private Object text(byte[] bytes) {
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new RawText(bytes);
        }
    }
}
