//! Turning dropped paths (files and folders) into the list of images to measure.

use std::path::{Path, PathBuf};

use crate::events::SkippedFile;
use crate::formats::{self, has_image_extension};

/// A dropped folder is searched this deep, and at most this many files are taken from it.
const MAX_DEPTH: usize = 4;
const MAX_FILES: usize = 2000;
/// Largest file read as an image: far above any screenshot, far below a disk image.
pub const MAX_IMAGE_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What a path is, following symlinks: only regular files are ever read.
enum Kind {
    Dir,
    File,
    /// A device, a FIFO, a socket: reading it could block forever or never end.
    Special,
}

fn kind(path: &Path) -> std::io::Result<Kind> {
    let m = std::fs::metadata(path)?;
    Ok(if m.is_dir() {
        Kind::Dir
    } else if m.is_file() {
        Kind::File
    } else {
        Kind::Special
    })
}

const NOT_REGULAR: &str = "not a regular file (a device, a pipe or a socket)";

/// Reads a regular file of at most `max` bytes. Devices, FIFOs and sockets are refused before
/// they are opened (opening a FIFO blocks), and the open file is checked again (the path may
/// have been swapped in between); a file longer than `max` is refused without being read whole.
pub fn read_regular(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind, Read};
    if !matches!(kind(path)?, Kind::File) {
        return Err(Error::new(ErrorKind::InvalidInput, NOT_REGULAR));
    }
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::InvalidInput, NOT_REGULAR));
    }
    let too_large = || {
        Error::new(
            ErrorKind::InvalidData,
            format!("larger than {} MB", max / (1024 * 1024)),
        )
    };
    if meta.len() > max {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A path's file name for people (the whole path when it has none).
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn skipped(path: &Path, reason: impl Into<String>) -> SkippedFile {
    SkippedFile {
        file_name: display_name(path),
        path: path.display().to_string(),
        reason: reason.into(),
    }
}

/// Files to measure, in a stable order, and the paths turned away with a reason. Files given
/// directly are all tried (their content decides, not their name); inside folders only image file
/// names are taken, others are listed as skipped. Duplicates are dropped.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SkippedFile>) {
    let mut files = Vec::new();
    let mut skipped_files = Vec::new();
    for path in paths {
        match kind(path) {
            Ok(Kind::Dir) => walk(path, 0, &mut files, &mut skipped_files),
            Ok(Kind::File) => files.push(path.clone()),
            Ok(Kind::Special) => skipped_files.push(skipped(path, NOT_REGULAR)),
            Err(e) => skipped_files.push(skipped(path, format!("it could not be opened ({e})"))),
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    if files.len() > MAX_FILES {
        for p in files.split_off(MAX_FILES) {
            skipped_files.push(skipped(
                &p,
                format!("only {MAX_FILES} images are taken per drop"),
            ));
        }
    }
    (files, skipped_files)
}

fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>, skipped_files: &mut Vec<SkippedFile>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            skipped_files.push(skipped(dir, format!("the folder could not be read ({e})")));
            return;
        }
    };
    entries.sort();
    for path in entries {
        let name = display_name(&path);
        if name.starts_with('.') {
            continue;
        }
        match kind(&path) {
            Ok(Kind::Dir) => {
                if depth + 1 < MAX_DEPTH {
                    walk(&path, depth + 1, files, skipped_files);
                }
            }
            Ok(Kind::File) if has_image_extension(&path) => files.push(path),
            Ok(Kind::File) => {
                skipped_files.push(skipped(&path, format!("not a {} image", formats::listed())));
            }
            Ok(Kind::Special) => skipped_files.push(skipped(&path, NOT_REGULAR)),
            Err(e) => skipped_files.push(skipped(&path, format!("it could not be opened ({e})"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_searched_and_non_images_listed_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("b.png"), b"x").unwrap();
        std::fs::write(d.join("a.JPG"), b"x").unwrap();
        std::fs::write(d.join("notes.txt"), b"x").unwrap();
        std::fs::write(d.join(".DS_Store"), b"x").unwrap();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/c.webp"), b"x").unwrap();
        let loose = d.join("loose.txt");
        let (files, skipped) = expand(&[d.to_path_buf(), loose.clone(), d.join("b.png")]);
        let names: Vec<String> = files.iter().map(|p| display_name(p)).collect();
        assert_eq!(names, ["a.JPG", "b.png", "c.webp"]);
        let reasons: Vec<(&str, &str)> = skipped
            .iter()
            .map(|s| (s.file_name.as_str(), s.reason.as_str()))
            .collect();
        assert_eq!(reasons[0], ("notes.txt", "not a PNG, JPEG or WebP image"));
        assert_eq!(reasons[1].0, "loose.txt");
        assert!(reasons[1].1.starts_with("it could not be opened"));
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_skipped_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("hang.png");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.png")).unwrap();
        let (files, skipped) = expand(&[
            dir.path().to_path_buf(),
            fifo.clone(),
            PathBuf::from("/dev/zero"),
        ]);
        assert!(files.is_empty(), "{files:?}");
        assert_eq!(skipped.len(), 4, "{skipped:?}");
        assert!(
            skipped.iter().all(|s| s.reason == NOT_REGULAR),
            "{skipped:?}"
        );
        // Read directly (a path swapped after the listing), they are refused without blocking.
        for p in [fifo.as_path(), Path::new("/dev/zero")] {
            let e = read_regular(p, MAX_IMAGE_FILE_BYTES).unwrap_err();
            assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput, "{p:?}");
        }
        let big = dir.path().join("big.png");
        std::fs::write(&big, vec![0u8; 2048]).unwrap();
        assert!(read_regular(&big, 1024).is_err());
        assert_eq!(read_regular(&big, 4096).unwrap().len(), 2048);
    }
}
