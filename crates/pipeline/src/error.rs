use thiserror::Error;

/// What stops a whole batch (per-image problems are events, not errors).
#[derive(Debug, Error)]
pub enum PipelineError {
    #[error(transparent)]
    Store(#[from] copy_that_store::StoreError),
    #[error(transparent)]
    Ai(#[from] copy_that_ai::AiError),
    #[error(transparent)]
    Spacing(#[from] copy_that_spacing::SpacingError),
    /// A hand edit the library refuses (bad name, no such token).
    #[error(transparent)]
    Edit(#[from] copy_that_spacing::EditError),
    #[error("{0}")]
    Settings(String),
}
