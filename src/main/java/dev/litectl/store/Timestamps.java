package dev.litectl.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The schema's timestamp text: UTC {@code YYYY-MM-DD HH:MM:SS.SSS}, which sorts and compares as time. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    /** SQL for the current time in that format. */
    static final String NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')";

    private Timestamps() {}

    public static String format(Instant t) {
        return FORMAT.format(t);
    }

    /** Null for null, else {@link #format}. */
    static String formatOrNull(Instant t) {
        return t == null ? null : format(t);
    }
}
