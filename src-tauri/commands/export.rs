//! The export modal: formats, a preview of the exact bytes, saving through native dialogs. Files
//! are written by Rust; the webview has no file-system access.

use std::path::PathBuf;

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use copy_that_export::{generate, write_all, write_file, ExportOptions, FORMATS};

use crate::error::{joined, AppError};
use crate::state::AppState;

#[derive(Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FormatInfo {
    pub name: String,
    pub file: String,
    pub description: String,
}

#[tauri::command]
#[specta::specta]
pub fn export_formats() -> Vec<FormatInfo> {
    FORMATS
        .iter()
        .map(|f| FormatInfo {
            name: f.name.into(),
            file: f.file.into(),
            description: f.description.into(),
        })
        .collect()
}

async fn render(
    state: &AppState,
    project: &str,
    format: &str,
    options: &ExportOptions,
) -> Result<Vec<u8>, AppError> {
    let stored = copy_that_pipeline::load_library(state.store()?, project).await?;
    Ok(generate(format, &stored.library, options)?)
}

/// The exact bytes a format would write, as text.
#[tauri::command]
#[specta::specta]
pub async fn preview_export(
    state: State<'_, AppState>,
    project: String,
    format: String,
    options: ExportOptions,
) -> Result<String, AppError> {
    let bytes = render(&state, &project, &format, &options).await?;
    String::from_utf8(bytes).map_err(|e| AppError::Internal(e.to_string()))
}

/// Asks where to save one format (native dialog), writes it, returns the path; `None` when the
/// designer cancels the dialog.
#[tauri::command]
#[specta::specta]
pub async fn save_export(
    app: AppHandle,
    state: State<'_, AppState>,
    project: String,
    format: String,
    options: ExportOptions,
) -> Result<Option<String>, AppError> {
    let f = copy_that_export::format(&format)
        .ok_or_else(|| AppError::InvalidInput(format!("unknown format {format:?}")))?;
    let bytes = render(&state, &project, &format, &options).await?;
    let ext = f.file.rsplit('.').next().unwrap_or("txt");
    let file = f.file;
    let picked = tokio::task::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("Save tokens")
            .set_file_name(file)
            .add_filter(f.description, &[ext])
            .blocking_save_file()
    })
    .await
    .map_err(joined)?;
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let target = path.clone();
    tokio::task::spawn_blocking(move || write_file(&target, &bytes))
        .await
        .map_err(joined)??;
    Ok(Some(path.display().to_string()))
}

/// Asks for a folder (native dialog) and writes every chosen format into it under its usual file
/// name. Returns the files written; `None` when the designer cancels.
#[tauri::command]
#[specta::specta]
pub async fn export_to_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    project: String,
    formats: Vec<String>,
    options: ExportOptions,
) -> Result<Option<Vec<String>>, AppError> {
    if formats.is_empty() {
        return Err(AppError::InvalidInput("choose at least one format".into()));
    }
    let names: Vec<&'static str> = formats
        .iter()
        .map(|n| {
            copy_that_export::format(n)
                .map(|f| f.name)
                .ok_or_else(|| AppError::InvalidInput(format!("unknown format {n:?}")))
        })
        .collect::<Result<_, _>>()?;
    let stored = copy_that_pipeline::load_library(state.store()?, &project).await?;
    let picked = tokio::task::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("Export tokens to a folder")
            .blocking_pick_folder()
    })
    .await
    .map_err(joined)?;
    let Some(dir) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let written = tokio::task::spawn_blocking(move || -> Result<Vec<PathBuf>, AppError> {
        Ok(write_all(&dir, &names, &stored.library, &options)?)
    });
    let written = written.await.map_err(joined)??;
    Ok(Some(
        written.iter().map(|p| p.display().to_string()).collect(),
    ))
}
