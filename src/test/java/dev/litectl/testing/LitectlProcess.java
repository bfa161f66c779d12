package dev.litectl.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts litectl as an operating-system process: the shaded jar when {@code -Dlitectl.jar} names one (failsafe
 * sets it), else {@code java -cp <test classpath> dev.litectl.cli.Main}.
 */
public final class LitectlProcess {
    private LitectlProcess() {}

    /** The command line that starts litectl with {@code args}. */
    public static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        String jar = System.getProperty("litectl.jar");
        if (jar != null && new File(jar).isFile()) {
            cmd.add("-jar");
            cmd.add(jar);
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("dev.litectl.cli.Main");
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts litectl in {@code dir} with stdout and stderr sent to files there. */
    public static Process start(Path dir, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    /** Runs litectl to completion (at most {@code timeoutSeconds}) and returns exit code, stdout and stderr. */
    public static Cli.Result run(Path dir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("litectl " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
        }
        Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }
}
