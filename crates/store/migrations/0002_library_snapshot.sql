-- A compact binary copy of the whole library (postcard-encoded SpacingLibrary, provenance included)
-- so opening a project reads one row instead of every token and source. The tokens and
-- token_sources tables stay the source for queries and filters; both are written in the same
-- transaction.
ALTER TABLE libraries ADD COLUMN snapshot BLOB;
