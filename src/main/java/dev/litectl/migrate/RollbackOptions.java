package dev.litectl.migrate;

/** Options of {@link Migrator#rollback}: undo the newest {@code steps} migrations, or all above {@code toVersion}. */
public record RollbackOptions(int steps, Long toVersion, boolean dryRun) {
    public static RollbackOptions steps(int n) {
        return new RollbackOptions(n, null, false);
    }

    public static RollbackOptions to(long version) {
        return new RollbackOptions(0, version, false);
    }
}
