package dev.litectl.db;

import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * sqlite-jdbc's one-time work before the first connection, split in two and run on two threads while a
 * command line parses its arguments: its date formats (the time zone, calendar and locale data they read take
 * most of the time) and the driver with its native library and logging. The first {@link Database#open} waits
 * for both instead of doing the same work again beside them.
 */
final class WarmUp {
    private static volatile Thread[] running;

    private WarmUp() {}

    static synchronized void start() {
        if (running != null) {
            return;
        }
        Thread[] threads = {new Task(true), new Task(false)};
        for (Thread t : threads) {
            t.start();
        }
        running = threads;
    }

    /** One half of the work. A class, not a method reference: the first lambda costs start-up ~10 ms. */
    private static final class Task extends Thread {
        private final boolean dates;

        Task(boolean dates) {
            super(dates ? "sqlite-warm-up-dates" : "sqlite-warm-up-driver");
            this.dates = dates;
            setDaemon(true);
        }

        @Override
        public void run() {
            if (dates) {
                dateFormats();
            } else {
                driver();
            }
        }
    }

    /** Returns once a started warm-up has finished (at once when none was started). */
    static void await() {
        Thread[] threads = running;
        if (threads == null) {
            return;
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the open goes ahead and does what is left itself
        }
    }

    private static void dateFormats() {
        try {
            new SQLiteConfig(); // sqlite-jdbc keeps the formats it makes here for every later connection
        } catch (RuntimeException | LinkageError e) {
            // the first real open reports whatever went wrong
        }
    }

    private static void driver() {
        try {
            JDBC.isValidURL("jdbc:sqlite:"); // loads the driver class: its logging, its registration
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // the first real open reports whatever went wrong
        }
    }
}
