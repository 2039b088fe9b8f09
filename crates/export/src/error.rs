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
    #[error(transparent)]
    Spacing(#[from] copy_that_spacing::SpacingError),
}
