-- Key-value cache with expiry and hit counting. value is JSON or raw (text or blob).
-- An entry whose expires_at has passed is never returned; maintain purges it.

-- migrate:up
CREATE TABLE cache (
    key          TEXT PRIMARY KEY NOT NULL,
    value        ANY,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    expires_at   TEXT,
    hit_count    INTEGER NOT NULL DEFAULT 0 CHECK (hit_count >= 0),
    last_hit_at  TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX idx_cache_expires ON cache (expires_at) WHERE expires_at IS NOT NULL;

-- migrate:down
DROP INDEX idx_cache_expires;
DROP TABLE cache;
