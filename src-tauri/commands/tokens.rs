//! Token edits and image thumbnails for the token detail.

use base64::Engine as _;
use tauri::State;

use copy_that_spacing::TokenEdit;
use copy_that_store::StoredLibrary;

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
    Ok(store.edit_token(&summary, &edit).await?)
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

/// Largest source image sent to the overlay.
const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

fn mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// The full image a project's measurements were taken on, as a `data:` URL for the overlay, read
/// from where it was added. Refused when the file moved or changed since (the boxes would lie).
#[tauri::command]
#[specta::specta]
pub async fn image_source(state: State<'_, AppState>, image: u32) -> Result<String, AppError> {
    let store = state.store()?;
    let record = store
        .image(image)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no image with id {image}")))?;
    let missing = || {
        AppError::NotFound(format!(
            "{} is no longer where it was added from; add it again to see its measurements",
            record.file_name
        ))
    };
    let path = record.source_path.clone().ok_or_else(missing)?;
    let bytes = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, std::io::Error> {
        let len = std::fs::metadata(&path)?.len();
        if len > MAX_SOURCE_BYTES {
            return Err(std::io::Error::other("too large"));
        }
        std::fs::read(&path)
    })
    .await
    .map_err(crate::error::joined)?
    .map_err(|_| missing())?;
    if copy_that_store::content_hash(&bytes) != record.content_hash {
        return Err(AppError::NotFound(format!(
            "{} changed since it was measured; add it again to see its measurements",
            record.file_name
        )));
    }
    let mime = mime(&bytes).ok_or_else(missing)?;
    Ok(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}
