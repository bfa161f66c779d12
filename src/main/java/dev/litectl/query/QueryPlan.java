package dev.litectl.query;

import java.util.ArrayList;
import java.util.List;

/** The rows of {@code EXPLAIN QUERY PLAN}: each step with the id of its parent (0 for the top level). */
public record QueryPlan(List<Step> steps) {

    /** One line of the plan, as SQLite gives it. */
    public record Step(int id, int parent, String detail) {
    }

    /** The plan as an indented tree, the way the {@code sqlite3} shell draws it, one string per line. */
    public List<String> tree() {
        List<String> lines = new ArrayList<>();
        lines.add("QUERY PLAN");
        draw(0, "", lines);
        return lines;
    }

    private void draw(int parent, String indent, List<String> lines) {
        List<Step> children = steps.stream().filter(s -> s.parent() == parent && s.id() != parent).toList();
        for (int i = 0; i < children.size(); i++) {
            Step s = children.get(i);
            boolean last = i == children.size() - 1;
            lines.add(indent + (last ? "`--" : "|--") + Values.escapeControls(s.detail()));
            draw(s.id(), indent + (last ? "   " : "|  "), lines);
        }
    }
}
