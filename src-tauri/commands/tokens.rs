//! Token edits and image thumbnails for the token detail.

use base64::Engine as _;
use tauri::State;

use copy_that_pipeline::formats;
use copy_that_pipeline::AuditReport;
use copy_that_spacing::TokenEdit;
use copy_that_store::{ImageCopy, ImageRecord, Store, StoredLibrary};

use crate::error::AppError;
use crate::state::AppState;

/// Renames, retypes, deletes or merges a token; the edit is kept and replayed on every rebuild.
#[tauri::command]
#[specta::specta]
pub async fn edit_token(
    state: State<'_, AppState>,
    project: String,
    edit: TokenEdit,
) -> Result<StoredLibrary, AppError> {
    let store = state.store()?;
    let summary = store.project(&project).await?;
    Ok(copy_that_pipeline::library::edit_token(store, &summary, &edit).await?)
}

/// An image's thumbnail as a `data:` URL (the webview reads no files).
#[tauri::command]
#[specta::specta]
pub async fn image_thumbnail(state: State<'_, AppState>, image: u32) -> Result<String, AppError> {
    let png = state.store()?.thumbnail(image).await?;
    if png.is_empty() {
        return Err(AppError::NotFound(
            "this image has no thumbnail; add it again to make one".into(),
        ));
    }
    Ok(format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    ))
}

/// The project's audit: tokens off the base unit's grid or used once or twice (with the step each
/// would snap to), and values the images' selection left out, each with where it was measured.
#[tauri::command]
#[specta::specta]
pub async fn audit_project(
    state: State<'_, AppState>,
    project: String,
) -> Result<AuditReport, AppError> {
    Ok(copy_that_pipeline::audit_project(state.store()?, &project).await?)
}

/// Largest source image sent to the overlay.
const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The full image a project's measurements were taken on, as a `data:` URL for the overlay: the
/// copy kept with the project, or, for an image saved before images were kept, the file it was
/// added from (then kept, so it shows after the file is gone). Looked up by the store's image id,
/// never by a path from the webview: only files the designer added to a project can be read.
/// Every failure (moved, changed, not a regular file, too large) gives the same answer, so it
/// tells nothing about the disk.
#[tauri::command]
#[specta::specta]
pub async fn image_source(state: State<'_, AppState>, image: u32) -> Result<String, AppError> {
    let store = state.store()?;
    let record = store
        .image(image)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no image with id {image}")))?;
    let bytes = match store.kept_image(image).await? {
        Some(kept) => kept.bytes,
        None => read_and_keep(store, &record).await?,
    };
    // The decoder's own sniffer: a file it would not read is not shown either.
    let mime = formats::sniff(&bytes)
        .map(formats::mime)
        .ok_or_else(|| unavailable(&record))?;
    Ok(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

fn unavailable(record: &ImageRecord) -> AppError {
    AppError::NotFound(format!(
        "{} cannot be shown as it was measured (moved, changed or unreadable since); add it again \
         to see its measurements",
        record.file_name
    ))
}

/// An image saved before images were kept with their projects: read from where it was added,
/// checked against its hash, and kept from now on.
async fn read_and_keep(store: &Store, record: &ImageRecord) -> Result<Vec<u8>, AppError> {
    let path = record
        .source_path
        .clone()
        .ok_or_else(|| unavailable(record))?;
    let bytes = tokio::task::spawn_blocking(move || {
        copy_that_pipeline::files::read_regular(std::path::Path::new(&path), MAX_SOURCE_BYTES)
    })
    .await
    .map_err(crate::error::joined)?
    .map_err(|_| unavailable(record))?;
    if copy_that_store::content_hash(&bytes) != record.content_hash {
        return Err(unavailable(record));
    }
    if bytes.len() <= copy_that_pipeline::MAX_KEPT_BYTES {
        let copy = ImageCopy {
            original_bytes: bytes.len() as u64,
            bytes,
            downscaled: false,
        };
        store.keep_copy(&record.content_hash, &copy).await?;
        return Ok(copy.bytes);
    }
    Ok(bytes)
}
