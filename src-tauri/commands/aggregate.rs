//! The quick scale: measurements typed or pasted by hand, merged without a project.

use tauri::AppHandle;
use tauri_specta::Event;

use copy_that_spacing::{aggregate_with_progress, AggregateOptions, Measurement, SpacingLibrary};

use crate::error::AppError;
use crate::events::AggregateProgressEvent;

/// Merges measurements grouped by image into a token library, streaming progress events tagged
/// with `job`. The same engine function backs `copy-that aggregate`.
#[tauri::command]
#[specta::specta]
pub async fn aggregate_measurements(
    app: AppHandle,
    job: String,
    images: Vec<Vec<Measurement>>,
    options: AggregateOptions,
) -> Result<SpacingLibrary, AppError> {
    tauri::async_runtime::spawn_blocking(move || {
        aggregate_with_progress(&images, &options, &mut |progress| {
            // A closed window cannot receive progress; the result still returns.
            let _ = AggregateProgressEvent {
                job: job.clone(),
                progress,
            }
            .emit(&app);
        })
        .map_err(AppError::from)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}
