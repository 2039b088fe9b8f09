-- The images themselves, kept with the projects so the overlay, the filmstrip and provenance work
-- after the files they were added from are moved or deleted. One row per content hash, shared by
-- every project holding that image; a row no image refers to any more goes with its last project.
CREATE TABLE image_files (
    content_hash   TEXT    PRIMARY KEY,
    bytes          BLOB    NOT NULL,
    -- The added file's size. Over the kept-size limit, `bytes` is a downscaled PNG of it.
    original_bytes INTEGER NOT NULL,
    downscaled     INTEGER NOT NULL DEFAULT 0
);
