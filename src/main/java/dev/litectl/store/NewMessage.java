package dev.litectl.store;

/** A message to append; every field but session, role and content may be null. */
public record NewMessage(String sessionId, Role role, String content, Long parentId, String model,
        Integer tokensUsed, String finishReason, String metadata) {

    public static NewMessage of(String sessionId, Role role, String content) {
        return new NewMessage(sessionId, role, content, null, null, null, null, null);
    }

    public NewMessage withTokens(int tokens) {
        return new NewMessage(sessionId, role, content, parentId, model, tokens, finishReason, metadata);
    }

    public NewMessage withModel(String m) {
        return new NewMessage(sessionId, role, content, parentId, m, tokensUsed, finishReason, metadata);
    }

    public NewMessage withParent(long id) {
        return new NewMessage(sessionId, role, content, id, model, tokensUsed, finishReason, metadata);
    }

    public NewMessage withMetadata(String json) {
        return new NewMessage(sessionId, role, content, parentId, model, tokensUsed, finishReason, json);
    }
}
