package dev.litectl.store;

/** A task to create (status pending); every field but the title may be null. */
public record NewTask(String title, String description, int priority, String sessionId, String userId, String metadata) {
    public static NewTask of(String title) {
        return new NewTask(title, null, 0, null, null, null);
    }

    public NewTask withPriority(int p) {
        return new NewTask(title, description, p, sessionId, userId, metadata);
    }

    public NewTask withSession(String id) {
        return new NewTask(title, description, priority, id, userId, metadata);
    }

    public NewTask withUser(String id) {
        return new NewTask(title, description, priority, sessionId, id, metadata);
    }
}
