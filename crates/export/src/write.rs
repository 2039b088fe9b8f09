//! The one writer that puts token files on disk, for the CLI and the app alike.

use std::fs::OpenOptions;
use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::ExportError;

/// Attempts at a fresh temporary name before giving up (each name is random, so a clash means
/// someone is planting files).
const TEMP_ATTEMPTS: u32 = 16;

pub(crate) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError {
    let path = path.display().to_string();
    move |source| ExportError::Io { path, source }
}

/// A name no one can guess in advance: the standard library's randomly keyed hasher over the
/// process, the time and a counter.
fn random_suffix(attempt: u32) -> String {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u32(attempt);
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    format!("{:016x}", h.finish())
}

/// Creates a new temporary file beside `target`. `create_new` is `O_CREAT | O_EXCL`: it never
/// opens an existing file and never follows a symlink at that name, so a link planted in the
/// folder cannot redirect the write.
fn create_temp(target: &Path) -> Result<(PathBuf, std::fs::File), ExportError> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tokens".into());
    let mut last = None;
    for attempt in 0..TEMP_ATTEMPTS {
        let tmp = dir.join(format!(".{name}.{}.tmp", random_suffix(attempt)));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o644);
        }
        match options.open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(io_error(&tmp)(e)),
        }
    }
    let e = last.unwrap_or_else(|| std::io::Error::other("no free temporary name"));
    Err(io_error(target)(e))
}

/// Writes `bytes` to `target` so that a failure never leaves half a file: into a new temporary
/// file beside it (see [`create_temp`]), flushed to disk, then renamed over `target`. A symlink
/// at `target` is replaced, not followed.
pub fn write_file(target: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let (tmp, mut file) = create_temp(target)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(io_error(&tmp))
        .and_then(|()| {
            drop(file);
            std::fs::rename(&tmp, target).map_err(io_error(target))
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
