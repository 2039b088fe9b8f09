//! Compare: another project's library, or a DTCG token file, to hold against the open project.

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use copy_that_export::import_dtcg;
use copy_that_spacing::{RootPx, SpacingLibrary};
use copy_that_store::StoredLibrary;

use crate::error::{joined, AppError};
use crate::state::AppState;

/// A project's library, read without making it the open project.
#[tauri::command]
#[specta::specta]
pub async fn load_library(
    state: State<'_, AppState>,
    name: String,
) -> Result<StoredLibrary, AppError> {
    Ok(copy_that_pipeline::load_library(state.store()?, &name).await?)
}

#[derive(Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportedLibrary {
    pub file_name: String,
    pub library: SpacingLibrary,
    /// Tokens left out of the file (negative, too large, not px or rem...), each naming the token
    /// and why: one bad value skips its token, never the whole file.
    pub skipped: Vec<String>,
}

/// Asks for a DTCG token file (native dialog) and reads its spacing tokens; `None` when the
/// designer cancels.
#[tauri::command]
#[specta::specta]
pub async fn import_dtcg_file(
    app: AppHandle,
    root_px: RootPx,
) -> Result<Option<ImportedLibrary>, AppError> {
    let picked = tokio::task::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("Compare with a token file")
            .add_filter("Design tokens (JSON)", &["json"])
            .blocking_pick_file()
    })
    .await
    .map_err(joined)?;
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = tokio::fs::read_to_string(&path)
        .await
        .map_err(|e| AppError::Io(format!("could not read {}: {e}", path.display())))?;
    let imported = import_dtcg(&text, &file_name, root_px)?;
    Ok(Some(ImportedLibrary {
        file_name,
        library: imported.library,
        skipped: imported.skipped.iter().map(ToString::to_string).collect(),
    }))
}
