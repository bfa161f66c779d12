-- Sessions of an agent or chat: JSON state and metadata, a lifecycle status, soft delete.
-- Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS.SSS', the format of SQLite's datetime() with
-- milliseconds, so comparisons such as created_at > datetime('now', '-1 day') work as written.

-- migrate:up
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    name        TEXT,
    state       TEXT CHECK (state IS NULL OR json_valid(state)),
    metadata    TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
    status      TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'paused', 'completed', 'archived')),
    model       TEXT,
    deleted_at  TEXT
) STRICT;

CREATE INDEX idx_sessions_status_updated ON sessions (status, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_sessions_created ON sessions (created_at DESC);

-- updated_at follows every change unless the statement sets it itself
CREATE TRIGGER sessions_updated_at AFTER UPDATE ON sessions
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE sessions SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = NEW.id;
END;

-- migrate:down
DROP TRIGGER sessions_updated_at;
DROP INDEX idx_sessions_created;
DROP INDEX idx_sessions_status_updated;
DROP TABLE sessions;
