package dev.litectl.migrate;

/** A row of the {@code litectl_migrations} history table. */
public record AppliedMigration(long version, String name, String checksum, String upSql, String downSql,
                               String upOptions, String downOptions, String appliedAt, long durationMs) {

    public String label() {
        return version + "-" + name;
    }
}
