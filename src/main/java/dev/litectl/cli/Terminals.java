package dev.litectl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is a terminal, without loading a terminal library. */
final class Terminals {
    private Terminals() {}

    /** True when file descriptor {@code fd} (0 stdin, 1 stdout) is a terminal. */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.exists(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
