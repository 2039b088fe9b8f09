//! A damaged database: detected on open, moved aside (never written to), and said so, both when it
//! is moved and when the next command starts on the new, empty database that replaces it.
//!
//! `sqlite_master` alone is read from one page, so bytes damaged anywhere else went unnoticed until
//! some later query failed, or never. `PRAGMA quick_check` reads every page of the file (it skips
//! only the index-to-table cross-checks of `integrity_check`), which costs milliseconds for a
//! project database.

use std::path::{Path, PathBuf};

use sqlx::SqlitePool;

use crate::db::now;
use crate::error::StoreError;

/// Whether the database reads as sound: `Ok(None)` when it does, `Ok(Some(problem))` when
/// `quick_check` reports damage, `Err` when it could not run at all.
pub(crate) async fn quick_check(pool: &SqlitePool) -> Result<Option<String>, sqlx::Error> {
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA quick_check(5)")
        .fetch_all(pool)
        .await?;
    Ok(match rows.as_slice() {
        [ok] if ok == "ok" => None,
        _ => Some(rows.join("; ")),
    })
}

/// The marker left beside a database moved aside, naming where it went, until a new database is
/// started in its place.
fn marker(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}.set-aside", path.display()))
}

/// Moves a damaged database (and its WAL files) aside. The move is reported only once the rename
/// succeeded; when it fails the file is left as it is and the error says so.
pub(crate) fn set_aside(path: &Path) -> StoreError {
    set_aside_to(path, &path.with_extension(format!("db.corrupt-{}", now())))
}

pub(crate) fn set_aside_to(path: &Path, moved_to: &Path) -> StoreError {
    if let Err(e) = std::fs::rename(path, moved_to) {
        return StoreError::CorruptNotMoved {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
    }
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            // A WAL left beside the new database would be replayed into it: moved with the file,
            // or removed when it cannot be moved.
            let to = format!("{}{suffix}", moved_to.display());
            if std::fs::rename(&side, to).is_err() {
                let _ = std::fs::remove_file(&side);
            }
        }
    }
    let _ = std::fs::write(marker(path), moved_to.display().to_string());
    StoreError::Corrupt {
        path: path.to_path_buf(),
        moved_to: moved_to.to_path_buf(),
    }
}

/// Where the database last set aside went, while no new database has been started in its place.
pub fn set_aside_pending(path: &Path) -> Option<PathBuf> {
    std::fs::read_to_string(marker(path))
        .ok()
        .map(|s| PathBuf::from(s.trim()))
}

/// Called when a new, empty database is created at `path`: the notice to show, if it replaces one
/// that was set aside (the marker is then removed, so it is said once).
pub(crate) fn take_notice(path: &Path) -> Option<String> {
    let moved_to = set_aside_pending(path)?;
    let _ = std::fs::remove_file(marker(path));
    Some(format!(
        "this is a new, empty project database: the damaged one was set aside as {}",
        moved_to.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_move_is_not_reported_as_moved() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("copy-that.db");
        std::fs::write(&path, b"damaged").expect("write");
        let nowhere = dir
            .path()
            .join("missing-folder")
            .join("copy-that.db.corrupt-1");
        let err = set_aside_to(&path, &nowhere);
        assert!(matches!(err, StoreError::CorruptNotMoved { .. }), "{err}");
        assert!(
            err.to_string().contains("could not be moved aside"),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).expect("left in place"), b"damaged");
        assert_eq!(set_aside_pending(&path), None, "no move to announce");
    }
}
