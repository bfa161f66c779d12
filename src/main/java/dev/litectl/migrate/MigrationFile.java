package dev.litectl.migrate;

/**
 * One migration: its version, name, where it came from (for error messages), its up section and its down
 * section ({@code null} when it has none and so cannot be rolled back), and the checksum of the up section.
 */
public record MigrationFile(long version, String name, String source, Section up, Section down, String checksum) {

    /** {@code 003-add-users}: the version as written in the file name and the name. */
    public String label() {
        return version + "-" + name;
    }

    public boolean hasDown() {
        return down != null;
    }
}
