-- What each saved library was built from (its images' latest jobs, the merge threshold and root
-- size, the number of hand edits), so a library left behind by a process killed between recording
-- a job and rebuilding is known to be stale and rebuilt when the project is opened.
ALTER TABLE libraries ADD COLUMN built_from TEXT;
