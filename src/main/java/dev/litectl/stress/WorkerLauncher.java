package dev.litectl.stress;

import java.util.List;

/** How the engine starts another process of litectl for a worker: the command line that runs {@code spec}. */
@FunctionalInterface
public interface WorkerLauncher {
    List<String> command(WorkerSpec spec);
}
