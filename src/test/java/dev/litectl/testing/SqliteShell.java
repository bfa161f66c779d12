package dev.litectl.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code sqlite3} shell as another process, fed SQL through its stdin: holds locks, keeps a database
 * open, or writes while litectl works. {@link #sync()} waits until everything sent so far has run.
 */
public final class SqliteShell implements AutoCloseable {
    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private int marker;

    public SqliteShell(Path db) throws IOException {
        process = new ProcessBuilder("sqlite3", "-batch", db.toString()).redirectErrorStream(true).start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends SQL without waiting for it. */
    public SqliteShell send(String sql) throws IOException {
        in.write(sql);
        in.write("\n");
        in.flush();
        return this;
    }

    /** Waits until the shell has run everything sent so far; fails on an error line. */
    public SqliteShell sync() throws IOException {
        String tag = "litectl-sync-" + (++marker);
        send("SELECT '" + tag + "';");
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(tag)) {
                return this;
            }
            if (line.contains("Error") || line.contains("error")) {
                throw new AssertionError("sqlite3: " + line);
            }
        }
        throw new AssertionError("sqlite3 ended before " + tag);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } catch (IOException ignored) {
            // the shell may have ended already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
