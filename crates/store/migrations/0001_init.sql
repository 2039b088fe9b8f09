-- Copy That project store, version 1. Append-only: later changes go in new migrations.
-- Journal mode, foreign keys and the busy timeout are connection options (see db.rs): pragmas here
-- would run inside the migration's transaction and be ignored.

CREATE TABLE projects (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    threshold   REAL    NOT NULL DEFAULT 0.1,
    root_px     REAL    NOT NULL DEFAULT 16,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE images (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    content_hash TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    dpr          REAL    NOT NULL,
    dpr_source   TEXT    NOT NULL,
    thumbnail    BLOB,
    created_at   INTEGER NOT NULL,
    UNIQUE (project_id, content_hash)
);
CREATE INDEX images_project ON images(project_id);

CREATE TABLE jobs (
    id                INTEGER PRIMARY KEY,
    project_id        INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    image_id          INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    provider          TEXT    NOT NULL,
    model             TEXT    NOT NULL DEFAULT '',
    status            TEXT    NOT NULL CHECK (status IN ('done', 'failed')),
    error             TEXT,
    measurement_count INTEGER NOT NULL,
    elapsed_ms        REAL    NOT NULL,
    created_at        INTEGER NOT NULL
);
CREATE INDEX jobs_project ON jobs(project_id);
CREATE INDEX jobs_image ON jobs(image_id);

CREATE TABLE measurements (
    id           INTEGER PRIMARY KEY,
    job_id       INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    value_px     REAL    NOT NULL,
    confidence   REAL    NOT NULL,
    spacing_type TEXT    NOT NULL,
    context      TEXT,
    x INTEGER, y INTEGER, w INTEGER, h INTEGER
);
CREATE INDEX measurements_job ON measurements(job_id);

CREATE TABLE libraries (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,
    threshold   REAL    NOT NULL,
    statistics  TEXT    NOT NULL, -- JSON: LibraryStatistics
    created_at  INTEGER NOT NULL
);

CREATE TABLE tokens (
    id                INTEGER PRIMARY KEY,
    library_id        INTEGER NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    value_px          REAL    NOT NULL,
    scale             TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    spacing_type      TEXT    NOT NULL,
    is_grid_compliant INTEGER NOT NULL,
    confidence        REAL    NOT NULL,
    data              TEXT    NOT NULL -- JSON: the whole SpacingToken but its provenance
);
CREATE INDEX tokens_library ON tokens(library_id, position);
CREATE INDEX tokens_value ON tokens(value_px);
CREATE INDEX tokens_scale ON tokens(scale);

CREATE TABLE token_sources (
    token_id     INTEGER NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
    image_id     INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    value_px     REAL    NOT NULL,
    confidence   REAL    NOT NULL,
    spacing_type TEXT    NOT NULL,
    x INTEGER, y INTEGER, w INTEGER, h INTEGER
);
CREATE INDEX token_sources_token ON token_sources(token_id);
CREATE INDEX token_sources_image ON token_sources(image_id);
