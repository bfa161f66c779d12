package dev.litectl.db;

/**
 * The query builder's entry points. Every builder produces a {@link Query}: SQL whose identifiers are checked
 * and quoted ({@link Identifiers}) and whose values are all bound parameters. It is not an ORM: it writes one
 * statement and {@link Handle} or {@link Query} runs it.
 *
 * <pre>{@code
 * Query q = Sql.select("id", "name").from("sessions")
 *         .where(Condition.and(Condition.eq("status", "active"), Condition.isNull("deleted_at")))
 *         .orderByDesc("updated_at").limit(20).build();
 * }</pre>
 */
public final class Sql {
    private Sql() {}

    /** SELECT of columns ({@code "name"}, {@code "s.name"}, {@code "*"}) or {@link Expr}s; none means {@code *}. */
    public static Select select(Object... columns) {
        return new Select(columns);
    }

    public static Insert insertInto(String table) {
        return new Insert(table);
    }

    public static Update update(String table) {
        return new Update(table);
    }

    public static Delete deleteFrom(String table) {
        return new Delete(table);
    }
}
