-- Tool calls made for a message: input, output or error, timing, retries, cost.
-- Deleted with their message (and so with their session).

-- migrate:up
CREATE TABLE tool_executions (
    id            INTEGER PRIMARY KEY,
    message_id    INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    tool_name     TEXT NOT NULL,
    input         TEXT CHECK (input IS NULL OR json_valid(input)),
    output        TEXT,
    status        TEXT NOT NULL DEFAULT 'running'
                  CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    error         TEXT,
    started_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    completed_at  TEXT,
    duration_ms   INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
    retry_count   INTEGER NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
    tokens_used   INTEGER CHECK (tokens_used IS NULL OR tokens_used >= 0),
    cost_usd      REAL CHECK (cost_usd IS NULL OR cost_usd >= 0),
    metadata      TEXT CHECK (metadata IS NULL OR json_valid(metadata))
) STRICT;

CREATE INDEX idx_tool_executions_message ON tool_executions (message_id);
CREATE INDEX idx_tool_executions_session ON tool_executions (session_id, started_at);
CREATE INDEX idx_tool_executions_tool ON tool_executions (tool_name, started_at DESC);
CREATE INDEX idx_tool_executions_open ON tool_executions (status) WHERE status IN ('pending', 'running');

-- migrate:down
DROP INDEX idx_tool_executions_open;
DROP INDEX idx_tool_executions_tool;
DROP INDEX idx_tool_executions_session;
DROP INDEX idx_tool_executions_message;
DROP TABLE tool_executions;
