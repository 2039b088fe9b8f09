-- Images a batch could not measure into a project, with the reason, so a failure is still there
-- after a restart and can be retried. One row per file; a later success removes it.
CREATE TABLE failures (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    path        TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (project_id, path)
);
