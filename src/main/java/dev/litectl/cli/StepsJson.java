package dev.litectl.cli;

import dev.litectl.migrate.AppliedStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of applied or rolled-back migration steps, shared by init, migrate and rollback. */
final class StepsJson {
    private StepsJson() {}

    static List<Map<String, Object>> of(List<AppliedStep> steps) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AppliedStep s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", s.version());
            m.put("name", s.name());
            m.put("duration_ms", s.durationMs());
            m.put("note", s.note());
            out.add(m);
        }
        return out;
    }
}
