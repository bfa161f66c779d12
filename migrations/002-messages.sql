-- Messages of a session, in order (id grows with every append); deleted with their session.

-- migrate:up
CREATE TABLE messages (
    id             INTEGER PRIMARY KEY,
    session_id     TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
    content        TEXT NOT NULL,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    parent_id      INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    model          TEXT,
    tokens_used    INTEGER CHECK (tokens_used IS NULL OR tokens_used >= 0),
    finish_reason  TEXT,
    metadata       TEXT CHECK (metadata IS NULL OR json_valid(metadata))
) STRICT;

CREATE INDEX idx_messages_session ON messages (session_id, id);
CREATE INDEX idx_messages_parent ON messages (parent_id) WHERE parent_id IS NOT NULL;

-- one row per live session: how much was said, when last
CREATE VIEW session_activity AS
SELECT s.id AS session_id, s.name, s.status, s.created_at, s.updated_at,
       count(m.id) AS messages,
       coalesce(sum(m.tokens_used), 0) AS tokens_used,
       max(m.created_at) AS last_message_at
FROM sessions s
LEFT JOIN messages m ON m.session_id = s.id
WHERE s.deleted_at IS NULL
GROUP BY s.id;

-- migrate:down
DROP VIEW session_activity;
DROP INDEX idx_messages_parent;
DROP INDEX idx_messages_session;
DROP TABLE messages;
