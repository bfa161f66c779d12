package dev.litectl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the database and the migrations are, from the options, the environment and the working folder. */
final class DatabaseLocation {
    static final String DEFAULT_DB = "data/litectl.db";

    private DatabaseLocation() {}

    /** {@code --db}, else {@code $LITECTL_DB}, else {@code DATABASE_URL=sqlite:...}, else {@code ./data/litectl.db}. */
    static Path database(String option, CliContext ctx) {
        if (option != null && !option.isBlank()) {
            return ctx.resolve(option);
        }
        Map<String, String> env = ctx.env();
        String fromEnv = env.get("LITECTL_DB");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return ctx.resolve(fromEnv);
        }
        String url = env.get("DATABASE_URL");
        if (url != null && url.startsWith("sqlite:")) {
            return ctx.resolve(pathOfUrl(url));
        }
        return ctx.resolve(DEFAULT_DB);
    }

    /**
     * The path of a SQLAlchemy/dbmate-style URL: {@code sqlite:///rel/path}, {@code sqlite:////abs/path},
     * {@code sqlite:rel/path}; a query string ({@code ?mode=rwc}) is dropped.
     */
    static String pathOfUrl(String url) {
        String rest = url.substring("sqlite:".length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        if (rest.startsWith("///")) {
            return rest.substring(3);
        }
        if (rest.startsWith("//")) {
            return rest.substring(2);
        }
        return rest;
    }

    /** {@code --migrations}, else {@code $LITECTL_MIGRATIONS}, else {@code ./migrations} if it exists, else null (built-in). */
    static Path migrations(String option, CliContext ctx) {
        if (option != null && !option.isBlank()) {
            return ctx.resolve(option);
        }
        String fromEnv = ctx.env().get("LITECTL_MIGRATIONS");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return ctx.resolve(fromEnv);
        }
        Path local = ctx.workDir().resolve("migrations");
        return Files.isDirectory(local) ? local : null;
    }
}
