-- Key-value metadata of the application (settings, preferences, feature flags).

-- migrate:up
CREATE TABLE metadata (
    key         TEXT PRIMARY KEY NOT NULL,
    value       TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
) STRICT;

CREATE TRIGGER metadata_updated_at AFTER UPDATE ON metadata
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE metadata SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE key = NEW.key;
END;

-- migrate:down
DROP TRIGGER metadata_updated_at;
DROP TABLE metadata;
