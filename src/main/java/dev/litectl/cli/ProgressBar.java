package dev.litectl.cli;

import dev.litectl.admin.BackupProgress;
import java.io.PrintWriter;

/** A one-line progress bar on stderr (only ever created when stderr is a terminal); cleared when done. */
final class ProgressBar implements BackupProgress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private int lastPercent = -1;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void copied(long done, long total) {
        int percent = total <= 0 ? 100 : (int) (done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                + (done >> 20) + "/" + (total >> 20) + " MiB");
        if (percent >= 100) {
            err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
        }
        err.flush();
    }
}
