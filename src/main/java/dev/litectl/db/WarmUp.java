package dev.litectl.db;

import java.text.DateFormatSymbols;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * sqlite-jdbc's one-time work before the first connection, done while a command line parses its arguments: its
 * date formats (the time zone, calendar and locale data they read are most of it) on a thread of their own from
 * {@link #start}, and the driver with its native library and logging on the thread that opens the first database,
 * which then waits for the formats instead of making them again beside the warm-up thread. That thread also
 * takes the formats' cheaper half (the date symbols, which the JDK caches), so both finish at about the same
 * time. Two threads, not three: on two cores a third only takes time from the other two.
 */
final class WarmUp {
    private static boolean started; // guarded by WarmUp.class
    /** The date formats' thread, until an open has waited for it. */
    private static volatile Thread pending;

    private WarmUp() {}

    static synchronized void start() {
        if (!started) {
            started = true;
            Thread dates = new Thread(new DateFormats(), "sqlite-warm-up");
            dates.setDaemon(true);
            dates.start();
            pending = dates;
        }
    }

    /**
     * After {@link #start}, the first time: loads the driver and its native library on this thread, then waits for
     * the date formats. At once otherwise.
     */
    static void await() {
        Thread dates = pending;
        if (dates == null) {
            return;
        }
        try {
            // the date printer's half of the formats, cached by the JDK for the warm-up thread, which meanwhile
            // makes the calendar the date parser needs (the costlier half)
            DateFormatSymbols.getInstance(Locale.getDefault());
            JDBC.isValidURL("jdbc:sqlite:"); // loads the driver class: its logging, its registration
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // the open that follows reports whatever went wrong
        }
        try {
            dates.join();
            pending = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the open goes ahead and makes the formats itself
        }
    }

    /** The date formats. A class, not a method reference: the first lambda costs start-up ~10 ms. */
    private static final class DateFormats implements Runnable {
        @Override
        public void run() {
            try {
                Calendar.getInstance(TimeZone.getDefault(), Locale.getDefault()); // the JDK caches its locale data
                new SQLiteConfig(); // sqlite-jdbc keeps the formats it makes here for every later connection
            } catch (RuntimeException | LinkageError e) {
                // the first real open reports whatever went wrong
            }
        }
    }
}
