-- What AI engines say a spacing is for, kept with each measurement.
ALTER TABLE measurements ADD COLUMN design_intent TEXT;

-- Replies of AI engines, so the same image is never paid for twice: keyed by image hash, provider,
-- model and prompt version. Holds measurements only, never keys.
CREATE TABLE ai_cache (
    key          TEXT    PRIMARY KEY,
    measurements TEXT    NOT NULL, -- JSON: [Measurement]
    created_at   INTEGER NOT NULL
);
