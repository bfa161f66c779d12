package dev.litectl.migrate;

import java.util.List;

/** Every known migration, the newest applied version, and what {@code PRAGMA user_version} says. */
public record StatusResult(long version, long userVersion, List<MigrationStatus> migrations) {

    public long count(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).count();
    }

    /** True when {@code user_version} agrees with the history. */
    public boolean userVersionInStep() {
        return userVersion == HistoryTable.expectedUserVersion(version);
    }
}
