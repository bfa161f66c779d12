-- Tasks an agent works through: pending -> active -> completed | failed | cancelled.

-- migrate:up
CREATE TABLE tasks (
    id            INTEGER PRIMARY KEY,
    session_id    TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    user_id       TEXT,
    title         TEXT NOT NULL,
    description   TEXT,
    status        TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'active', 'completed', 'failed', 'cancelled')),
    priority      INTEGER NOT NULL DEFAULT 0,
    result        TEXT CHECK (result IS NULL OR json_valid(result)),
    error         TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    started_at    TEXT,
    completed_at  TEXT,
    metadata      TEXT CHECK (metadata IS NULL OR json_valid(metadata))
) STRICT;

CREATE INDEX idx_tasks_status ON tasks (status, priority DESC, created_at);
CREATE INDEX idx_tasks_session ON tasks (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_tasks_user ON tasks (user_id, created_at) WHERE user_id IS NOT NULL;

CREATE TRIGGER tasks_updated_at AFTER UPDATE ON tasks
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE tasks SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = NEW.id;
END;

-- migrate:down
DROP TRIGGER tasks_updated_at;
DROP INDEX idx_tasks_user;
DROP INDEX idx_tasks_session;
DROP INDEX idx_tasks_status;
DROP TABLE tasks;
