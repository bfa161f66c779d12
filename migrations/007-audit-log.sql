-- Append-only audit trail: rows can be added and (by maintain, into audit_log_archive) moved,
-- never edited.

-- migrate:up
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    agent_id       TEXT NOT NULL,
    operation      TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('started', 'completed', 'failed', 'skipped')),
    target         TEXT,
    session_id     TEXT,
    duration_ms    INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
    error_message  TEXT,
    context_json   TEXT CHECK (context_json IS NULL OR json_valid(context_json))
) STRICT;

CREATE INDEX idx_audit_log_timestamp ON audit_log (timestamp);
CREATE INDEX idx_audit_log_agent ON audit_log (agent_id, timestamp);
CREATE INDEX idx_audit_log_status ON audit_log (status, timestamp);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE audit_log_archive (
    id             INTEGER PRIMARY KEY,
    timestamp      TEXT NOT NULL,
    agent_id       TEXT NOT NULL,
    operation      TEXT NOT NULL,
    status         TEXT NOT NULL,
    target         TEXT,
    session_id     TEXT,
    duration_ms    INTEGER,
    error_message  TEXT,
    context_json   TEXT,
    archived_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
) STRICT;

CREATE INDEX idx_audit_log_archive_timestamp ON audit_log_archive (timestamp);

-- migrate:down
DROP INDEX idx_audit_log_archive_timestamp;
DROP TABLE audit_log_archive;
DROP TRIGGER audit_log_append_only;
DROP INDEX idx_audit_log_status;
DROP INDEX idx_audit_log_agent;
DROP INDEX idx_audit_log_timestamp;
DROP TABLE audit_log;
