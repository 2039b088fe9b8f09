use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong with the project store, in words a designer can act on.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the project database {path} is damaged or is not a database; it was moved to {moved_to} and nothing was overwritten")]
    Corrupt { path: PathBuf, moved_to: PathBuf },
    #[error("the project database {path} is damaged or is not a database, and it could not be moved aside ({reason}); nothing was written to it: move or delete it yourself, then try again")]
    CorruptNotMoved { path: PathBuf, reason: String },
    #[error("the project database {0} is locked by another program; close it and try again")]
    Locked(PathBuf),
    #[error("the disk holding {0} is full; free some space and try again (nothing was saved)")]
    DiskFull(PathBuf),
    #[error("could not write to the data folder {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no project named {0:?}")]
    ProjectNotFound(String),
    #[error("a project named {0:?} already exists")]
    DuplicateProject(String),
    #[error("project names must be 1 to 100 characters without control characters")]
    InvalidName,
    #[error("no image with id {0} in this project")]
    ImageNotFound(u32),
    #[error("updating the database failed: {0}")]
    Migration(String),
    #[error("database error: {0}")]
    Database(String),
    #[error("stored data could not be read: {0}")]
    Decode(String),
    #[error(transparent)]
    Spacing(#[from] copy_that_spacing::SpacingError),
}

impl StoreError {
    /// Classifies a sqlx error for the database at `path`.
    pub(crate) fn from_sqlx(e: sqlx::Error, path: &std::path::Path) -> Self {
        if let sqlx::Error::Database(db) = &e {
            let code = db.code().unwrap_or_default();
            // SQLite primary result codes, extended codes keep them in the low byte.
            match code.parse::<i32>().map(|c| c & 0xFF) {
                Ok(5) | Ok(6) => return StoreError::Locked(path.to_path_buf()),
                Ok(13) => return StoreError::DiskFull(path.to_path_buf()),
                // Cannot open (14), read-only (8) and I/O errors (10: a full disk fails the WAL's
                // shared memory file as "disk I/O error") say nothing of why: the folder is asked.
                Ok(8) | Ok(10) | Ok(14) => {
                    if let Some(why) = unwritable(path) {
                        return why;
                    }
                }
                _ => {}
            }
            if db
                .message()
                .contains("UNIQUE constraint failed: projects.name")
            {
                return StoreError::Database("a project with that name already exists".into());
            }
        }
        StoreError::Database(e.to_string())
    }
}

/// Why the database at `db` cannot be written, when its folder or the file itself refuses a small
/// write: the disk is full, or the folder (or file) is read-only or not this user's. `None` when
/// both take it (the error was something else). A read-only data folder was "(code: 14) unable to
/// open database file" and a full one "(code: 4874) disk I/O error", for reading commands too.
fn unwritable(db: &std::path::Path) -> Option<StoreError> {
    let dir = db.parent()?;
    let probe = dir.join(".copy-that-write-probe");
    let tried = std::fs::write(&probe, [0u8; 64 * 1024]);
    let _ = std::fs::remove_file(&probe);
    let tried = tried.and_then(|()| {
        if db.exists() {
            std::fs::OpenOptions::new().append(true).open(db).map(drop)
        } else {
            Ok(())
        }
    });
    match tried {
        Ok(()) => None,
        Err(e) if e.kind() == std::io::ErrorKind::StorageFull => {
            Some(StoreError::DiskFull(db.to_path_buf()))
        }
        Err(source) => Some(StoreError::Io {
            path: dir.to_path_buf(),
            source,
        }),
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Decode(e.to_string())
    }
}
