//! Errors as they cross into the UI: a tagged enum the bindings type, so the UI can say what
//! happened in a designer's words and what to do next.

use serde::Serialize;
use specta::Type;

use copy_that_store::StoreError;

#[derive(Debug, thiserror::Error, Serialize, Type)]
#[serde(tag = "kind", content = "message", rename_all = "camelCase")]
pub enum AppError {
    /// The input was refused (a bad value, a bad name); the message says which.
    #[error("{0}")]
    InvalidInput(String),
    /// The project, image or token asked for is not there (any more).
    #[error("{0}")]
    NotFound(String),
    /// The project database could not be used (locked, damaged, full disk).
    #[error("{0}")]
    Storage(String),
    /// The system keyring could not be reached.
    #[error("{0}")]
    Keyring(String),
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(String),
    /// Something failed inside the app; the message is for a bug report.
    #[error("{0}")]
    Internal(String),
}

impl From<copy_that_spacing::SpacingError> for AppError {
    fn from(e: copy_that_spacing::SpacingError) -> Self {
        Self::InvalidInput(e.to_string())
    }
}

impl From<tauri::Error> for AppError {
    fn from(e: tauri::Error) -> Self {
        Self::Internal(e.to_string())
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let message = e.to_string();
        match e {
            StoreError::ProjectNotFound(_) | StoreError::ImageNotFound(_) => {
                Self::NotFound(message)
            }
            StoreError::DuplicateProject(_) | StoreError::InvalidName | StoreError::Spacing(_) => {
                Self::InvalidInput(message)
            }
            _ => Self::Storage(message),
        }
    }
}

impl From<copy_that_pipeline::PipelineError> for AppError {
    fn from(e: copy_that_pipeline::PipelineError) -> Self {
        use copy_that_pipeline::PipelineError as P;
        match e {
            P::Store(s) => s.into(),
            P::Ai(a) => a.into(),
            P::Settings(m) => Self::InvalidInput(m),
            P::Spacing(s) => Self::InvalidInput(s.to_string()),
            P::Edit(e) => Self::InvalidInput(e.to_string()),
        }
    }
}

impl From<copy_that_ai::AiError> for AppError {
    fn from(e: copy_that_ai::AiError) -> Self {
        match e {
            copy_that_ai::AiError::Keyring(_) => Self::Keyring(e.to_string()),
            _ => Self::InvalidInput(e.to_string()),
        }
    }
}

impl From<copy_that_export::ExportError> for AppError {
    fn from(e: copy_that_export::ExportError) -> Self {
        match e {
            copy_that_export::ExportError::Io { .. } => Self::Io(e.to_string()),
            _ => Self::InvalidInput(e.to_string()),
        }
    }
}

/// A blocking task that panicked or was cancelled: a bug, reported, never a crash.
pub fn joined(e: tokio::task::JoinError) -> AppError {
    AppError::Internal(format!("a background task stopped: {e}"))
}
