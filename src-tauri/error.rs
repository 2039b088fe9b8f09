//! Errors as they cross into the UI: a tagged enum the bindings type, so the UI can say what
//! happened in a designer's words and what to do next.

use serde::Serialize;
use specta::Type;

#[derive(Debug, thiserror::Error, Serialize, Type)]
#[serde(tag = "kind", content = "message", rename_all = "camelCase")]
pub enum AppError {
    /// The input was refused (a bad value, a bad option); the message says which.
    #[error("{0}")]
    InvalidInput(String),
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
