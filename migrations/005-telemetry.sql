-- Telemetry events: type, response time, tokens; range queries by time and type, and a
-- per-event-type summary. Old rows move to telemetry_archive (litectl maintain --retain DAYS).

-- migrate:up
CREATE TABLE telemetry (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    event_type        TEXT NOT NULL,
    query             TEXT,
    response_time_ms  REAL CHECK (response_time_ms IS NULL OR response_time_ms >= 0),
    tokens_used       INTEGER CHECK (tokens_used IS NULL OR tokens_used >= 0),
    success           INTEGER CHECK (success IS NULL OR success IN (0, 1)),
    session_id        TEXT,
    metadata          TEXT CHECK (metadata IS NULL OR json_valid(metadata))
) STRICT;

CREATE INDEX idx_telemetry_timestamp ON telemetry (timestamp);
CREATE INDEX idx_telemetry_type_timestamp ON telemetry (event_type, timestamp);

CREATE TABLE telemetry_archive (
    id                INTEGER PRIMARY KEY,
    timestamp         TEXT NOT NULL,
    event_type        TEXT NOT NULL,
    query             TEXT,
    response_time_ms  REAL,
    tokens_used       INTEGER,
    success           INTEGER,
    session_id        TEXT,
    metadata          TEXT,
    archived_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
) STRICT;

CREATE INDEX idx_telemetry_archive_timestamp ON telemetry_archive (timestamp);

-- performance per event type (the seeds' "metrics per operation")
CREATE VIEW telemetry_summary AS
SELECT event_type,
       count(*)                   AS events,
       avg(response_time_ms)      AS avg_response_time_ms,
       min(response_time_ms)      AS min_response_time_ms,
       max(response_time_ms)      AS max_response_time_ms,
       sum(coalesce(tokens_used, 0)) AS tokens_used,
       sum(success = 0)           AS failures,
       min(timestamp)             AS first_seen,
       max(timestamp)             AS last_seen
FROM telemetry
GROUP BY event_type;

-- migrate:down
DROP VIEW telemetry_summary;
DROP INDEX idx_telemetry_archive_timestamp;
DROP TABLE telemetry_archive;
DROP INDEX idx_telemetry_type_timestamp;
DROP INDEX idx_telemetry_timestamp;
DROP TABLE telemetry;
