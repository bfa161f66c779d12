package dev.litectl.cli;

/** Formats a throwable and its causes for --verbose output. */
final class StackTraces {
    private StackTraces() {}

    static String format(Throwable t) {
        StringBuilder out = new StringBuilder();
        Throwable cur = t;
        String prefix = "";
        int depth = 0;
        while (cur != null && depth++ < 10) {
            out.append(prefix).append(cur).append('\n');
            for (StackTraceElement e : cur.getStackTrace()) {
                out.append("\tat ").append(e).append('\n');
            }
            prefix = "Caused by: ";
            cur = cur.getCause() == cur ? null : cur.getCause();
        }
        return out.toString();
    }
}
