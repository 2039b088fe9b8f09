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
    #[error("{0}")]
    Settings(String),
}
