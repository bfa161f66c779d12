package dev.litectl.migrate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dbmate-format migration text: {@code -- migrate:up} and {@code -- migrate:down} markers with
 * optional {@code no-transaction} (dbmate's {@code transaction:false}) and {@code foreign-keys on}. A file
 * without markers is all up. Any other {@code -- migrate:} line is an error, never a comment.
 */
final class MigrationParser {
    private static final Pattern MARKER = Pattern.compile("^\\s*--\\s*migrate:(\\S*)(.*)$");
    private static final Pattern NAME = Pattern.compile("^(\\d+)[-_]([^/\\\\]+?)(\\.up|\\.down)?\\.sql$");

    private MigrationParser() {}

    /** Version, name and direction ("up", "down" or null for a single file) from a file name. */
    record FileName(long version, String name, String direction) {}

    static FileName parseName(String fileName, String source) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new MigrationException(source + ": file name must be NNN-name.sql or NNN_name.sql (NNN the version)");
        }
        long version;
        try {
            version = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new MigrationException(source + ": version " + m.group(1) + " is too large");
        }
        if (version <= 0) {
            throw new MigrationException(source + ": version must be a positive integer");
        }
        String dir = m.group(3) == null ? null : m.group(3).substring(1);
        return new FileName(version, m.group(2), dir);
    }

    /** Parses a single-file migration with up and down markers. */
    static MigrationFile parse(FileName name, String source, String text) {
        String[] lines = normalizeNewlines(text).split("\n", -1);
        Marker up = null;
        Marker down = null;
        Marker current = null;
        StringBuilder preamble = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Marker marker = marker(lines[i], source, i + 1);
            if (marker != null) {
                if (marker.direction.equals("up")) {
                    if (up != null) {
                        throw new MigrationException(source + ":" + (i + 1) + ": second -- migrate:up marker (first on line " + up.line + ")");
                    }
                    up = marker;
                } else {
                    if (down != null) {
                        throw new MigrationException(source + ":" + (i + 1) + ": second -- migrate:down marker (first on line " + down.line + ")");
                    }
                    down = marker;
                }
                current = marker;
            } else if (current == null) {
                preamble.append(lines[i]).append('\n');
            } else {
                current.body.append(lines[i]).append('\n');
            }
        }
        if (up == null && down == null) {
            Section all = new Section(String.join("\n", lines), 1, false, false);
            return new MigrationFile(name.version(), name.name(), source, all, null, Checksums.of(all.sql()));
        }
        if (!new Section(preamble.toString(), 1, false, false).isEmpty()) {
            throw new MigrationException(source + ":1: SQL before the first -- migrate: marker belongs to no section");
        }
        if (up == null) {
            throw new MigrationException(source + ": has a -- migrate:down marker but no -- migrate:up");
        }
        Section upSection = up.section();
        return new MigrationFile(name.version(), name.name(), source, upSection,
                down == null ? null : down.section(), Checksums.of(upSection.sql()));
    }

    /** Parses one half of an {@code NNN_name.up.sql} / {@code .down.sql} pair; a marker inside may set options. */
    static Section parseHalf(String direction, String source, String text) {
        String[] lines = normalizeNewlines(text).split("\n", -1);
        StringBuilder body = new StringBuilder();
        boolean noTx = false;
        boolean fkOn = false;
        int first = 1;
        for (int i = 0; i < lines.length; i++) {
            Marker m = marker(lines[i], source, i + 1);
            if (m == null) {
                body.append(lines[i]).append('\n');
                continue;
            }
            if (!m.direction.equals(direction) || i > 0 && !new Section(body.toString(), 1, false, false).isEmpty()) {
                throw new MigrationException(source + ":" + (i + 1) + ": -- migrate:" + m.direction + " marker in a ." + direction + ".sql file");
            }
            noTx = m.noTransaction;
            fkOn = m.foreignKeysOn;
            body.setLength(0);
            first = i + 2;
        }
        return new Section(body.toString(), first, noTx, fkOn);
    }

    static String normalizeNewlines(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static final class Marker {
        final String direction;
        final int line;
        final boolean noTransaction;
        final boolean foreignKeysOn;
        final StringBuilder body = new StringBuilder();

        Marker(String direction, int line, boolean noTransaction, boolean foreignKeysOn) {
            this.direction = direction;
            this.line = line;
            this.noTransaction = noTransaction;
            this.foreignKeysOn = foreignKeysOn;
        }

        Section section() {
            return new Section(body.toString(), line + 1, noTransaction, foreignKeysOn);
        }
    }

    private static Marker marker(String line, String source, int lineNo) {
        Matcher m = MARKER.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String direction = m.group(1).toLowerCase(Locale.ROOT);
        String where = source + ":" + lineNo + ": ";
        if (!direction.equals("up") && !direction.equals("down")) {
            throw new MigrationException(where + "unknown marker '-- migrate:" + m.group(1)
                    + "' (expected -- migrate:up or -- migrate:down)");
        }
        boolean noTx = false;
        boolean fkOn = false;
        List<String> words = List.of(m.group(2).trim().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            if (w.equals("no-transaction") || w.equals("transaction:false")) {
                noTx = true;
            } else if (w.equals("foreign-keys") && i + 1 < words.size() && words.get(i + 1).equalsIgnoreCase("on")) {
                fkOn = true;
                i++;
            } else {
                throw new MigrationException(where + "unknown option '" + words.get(i)
                        + "' on -- migrate:" + direction + " (known: no-transaction, foreign-keys on)");
            }
        }
        return new Marker(direction, lineNo, noTx, fkOn);
    }
}
