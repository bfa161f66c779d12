package dev.litectl.stress;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The writes a worker saw committed: per table, the key of each row and, for rows it updates, the last version
 * it committed ({@link #NO_VERSION} when only the row's presence is checked). Not thread-safe: one per worker,
 * merged after the run.
 */
final class AckLog {
    static final long NO_VERSION = -1;

    private final Map<String, Map<String, Long>> tables = new TreeMap<>();

    void add(String table, String key, long version) {
        tables.computeIfAbsent(table, t -> new HashMap<>()).put(key, version);
    }

    void add(String table, long id) {
        add(table, Long.toString(id), NO_VERSION);
    }

    void addAll(AckLog other) {
        for (var e : other.tables.entrySet()) {
            Map<String, Long> mine = tables.computeIfAbsent(e.getKey(), t -> new HashMap<>());
            for (var k : e.getValue().entrySet()) {
                mine.merge(k.getKey(), k.getValue(), Math::max);
            }
        }
    }

    Map<String, Map<String, Long>> tables() {
        return tables;
    }

    long count() {
        long n = 0;
        for (Map<String, Long> keys : tables.values()) {
            n += keys.size();
        }
        return n;
    }
}
