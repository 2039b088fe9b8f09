//! Export: pure generators from a spacing library to file bytes, registered by name, and one
//! writer that does the file I/O. Plus DTCG import.

pub mod error;
pub mod formats;
pub mod idents;
pub mod import;
pub mod names;
pub mod options;
pub mod write;

use std::path::{Path, PathBuf};

use copy_that_spacing::SpacingLibrary;

pub use error::ExportError;
pub use formats::{format, Format, FORMATS};
pub use import::{check_library, import_dtcg, Imported, Skipped};
pub use options::{ExportOptions, Naming, Unit};
pub use write::write_file;

/// Generates one format by name.
pub fn generate(
    name: &str,
    library: &SpacingLibrary,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let f = format(name).ok_or_else(|| ExportError::UnknownFormat(name.into()))?;
    Ok((f.generate)(library, options))
}

/// Writes the named formats into `dir`, each to its conventional file name, through
/// [`write_file`]: a new, randomly named temporary file renamed into place, so a failure never
/// leaves half a file and nothing planted in the folder is followed.
pub fn write_all(
    dir: &Path,
    names: &[&str],
    library: &SpacingLibrary,
    options: &ExportOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    let formats: Vec<&Format> = names
        .iter()
        .map(|n| format(n).ok_or_else(|| ExportError::UnknownFormat((*n).into())))
        .collect::<Result<_, _>>()?;
    std::fs::create_dir_all(dir).map_err(write::io_error(dir))?;
    let mut written = Vec::new();
    for f in formats {
        let bytes = generate(f.name, library, options)?;
        let target = dir.join(f.file);
        write_file(&target, &bytes)?;
        written.push(target);
    }
    Ok(written)
}
