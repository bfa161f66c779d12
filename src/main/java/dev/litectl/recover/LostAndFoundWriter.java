package dev.litectl.recover;

import java.sql.SQLException;
import java.util.List;

/**
 * Writes the records of orphan pages (pages with records that no tree, the freelist or a pointer map
 * accounts for) into {@code lost_and_found(rootpgno, pgno, nfield, id, c0, c1, ...)}, the table the shell's
 * {@code .recover} makes: the top page of the orphan tree, the page, the number of fields, the rowid (table
 * leaves only), then the values. Created only when there is something to put in it.
 */
final class LostAndFoundWriter {
    private LostAndFoundWriter() {}

    static LostAndFound write(Salvage salvage, OutputDatabase db) throws SQLException {
        Salvage.LostPages lost = salvage.findLost();
        if (lost.maxFields() == 0 && lost.pages().isEmpty()) {
            return new LostAndFound(null, 0, 0);
        }
        int fields = Math.max(lost.maxFields(), 0);
        if (fields == 0) {
            return new LostAndFound(null, 0, 0);
        }
        String table = db.createLostAndFound(fields);
        long[] count = {0};
        java.util.Set<Long> pages = new java.util.HashSet<>();
        StringBuilder sql = new StringBuilder("INSERT INTO " + TableWriter.quote(table) + " VALUES (?, ?, ?, ?");
        sql.append(", ?".repeat(fields)).append(')');
        try (var insert = db.connection().prepareStatement(sql.toString())) {
            SQLException[] error = {null};
            salvage.scanLost(lost, (root, pgno, hasRowid, rowid, values) -> {
                if (error[0] != null || (!hasRowid && values.isEmpty())) {
                    return;
                }
                try (var one = values.stream().anyMatch(v -> v instanceof RawText)
                        ? db.connection().prepareStatement(rawSql(table, values, fields)) : null) {
                    var ps = one != null ? one : insert;
                    ps.setLong(1, root);
                    ps.setLong(2, pgno);
                    ps.setInt(3, values.size());
                    if (hasRowid) {
                        ps.setLong(4, rowid);
                    } else {
                        ps.setNull(4, java.sql.Types.NULL);
                    }
                    for (int i = 0; i < fields; i++) {
                        TableWriter.bind(ps, 5 + i, i < values.size() ? values.get(i) : null);
                    }
                    ps.executeUpdate();
                    count[0]++;
                    pages.add(pgno);
                } catch (SQLException e) {
                    error[0] = e;
                }
            });
            if (error[0] != null) {
                throw error[0];
            }
        }
        return new LostAndFound(table, count[0], pages.size());
    }

    private static String rawSql(String table, List<Object> values, int fields) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + TableWriter.quote(table) + " VALUES (?, ?, ?, ?");
        for (int i = 0; i < fields; i++) {
            sql.append(i < values.size() && values.get(i) instanceof RawText ? ", CAST(? AS TEXT)" : ", ?");
        }
        return sql.append(')').toString();
    }

}
