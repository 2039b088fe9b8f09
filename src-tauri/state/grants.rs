//! Paths the designer handed to the app: files and folders chosen in the native open dialog or
//! dropped on the window (Rust sees both itself). `start_extraction` takes no other path, so a
//! compromised webview cannot make the app read an arbitrary file.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::error::AppError;

/// Most paths remembered; a session dropping more starts over (older drops are then re-dropped).
const MAX_GRANTS: usize = 100_000;

#[derive(Default)]
pub struct Grants(Mutex<HashSet<PathBuf>>);

/// The one answer for any path the designer did not hand over: it says nothing about whether
/// the path exists, is readable or is an image.
pub fn not_granted() -> AppError {
    AppError::InvalidInput(
        "only files dropped on the window or chosen with Add images… can be added".into(),
    )
}

impl Grants {
    pub fn grant(&self, paths: impl IntoIterator<Item = PathBuf>) {
        if let Ok(mut set) = self.0.lock() {
            if set.len() > MAX_GRANTS {
                set.clear();
            }
            set.extend(paths);
        }
    }

    /// The paths as given, when every one was granted; otherwise the uniform refusal.
    pub fn check(&self, paths: &[String]) -> Result<Vec<PathBuf>, AppError> {
        let set = self.0.lock().map_err(|_| not_granted())?;
        paths
            .iter()
            .map(|p| {
                let p = PathBuf::from(p);
                if set.contains(&p) {
                    Ok(p)
                } else {
                    Err(not_granted())
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_the_webview_made_up_is_refused_whether_it_exists_or_not() {
        let grants = Grants::default();
        let dir = std::env::temp_dir();
        let dropped = dir.join("dropped.png");
        grants.grant([dropped.clone()]);
        let ok = grants
            .check(&[dropped.display().to_string()])
            .expect("granted");
        assert_eq!(ok, std::slice::from_ref(&dropped));
        let existing = "/etc/passwd".to_string();
        let missing = "/nonexistent/secret.png".to_string();
        let a = grants.check(&[existing]).unwrap_err().to_string();
        let b = grants.check(&[missing]).unwrap_err().to_string();
        assert_eq!(a, b, "the refusal must not tell which path exists");
        let mixed = [dropped.display().to_string(), "/dev/zero".into()];
        assert!(
            grants.check(&mixed).is_err(),
            "one made-up path refuses all"
        );
        let sibling = dir.join("dropped.png/../other.png");
        assert!(grants.check(&[sibling.display().to_string()]).is_err());
    }
}
