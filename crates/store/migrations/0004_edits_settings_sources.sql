-- What the designer changed by hand in a project's library. Kept apart from the measured data and
-- replayed, in order, every time the library is rebuilt, so edits survive adding images.
CREATE TABLE token_edits (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    edit        TEXT    NOT NULL, -- JSON: TokenEdit
    created_at  INTEGER NOT NULL
);
CREATE INDEX token_edits_project ON token_edits(project_id, id);

-- App settings (engine, model, base URL, concurrency, ...): JSON values by key. Never API keys:
-- those live in the OS keyring.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Where an image was read from, so the overlay can show it full size while the file is still there.
ALTER TABLE images ADD COLUMN source_path TEXT;
