use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("unknown format {0:?}; `copy-that export --list-formats` lists them")]
    UnknownFormat(String),
    #[error("could not write {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0} is not a design tokens file: {1}")]
    Import(String, String),
    #[error("root font size must be between 1 and 256 px, not {0}")]
    RootSize(f64),
    #[error(transparent)]
    Spacing(#[from] copy_that_spacing::SpacingError),
}
