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
    store.edit_token(&summary, &edit).await?;
    Ok(store.load_library(&project).await?)
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
