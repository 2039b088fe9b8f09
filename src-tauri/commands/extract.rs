//! Adding images: the native open dialog, a batch with live progress, cancel.

use std::path::PathBuf;
use std::sync::Arc;

use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;

use copy_that_ai::EngineKind;
use copy_that_pipeline::{build_client, run_batch, BatchSummary, ExtractEvent};

use crate::commands::projects::settings_of;
use crate::error::{joined, AppError};
use crate::events::ExtractProgressEvent;
use crate::state::AppState;

/// Opens the native file picker for images; `None` when the designer cancels. What is picked is
/// granted: `start_extraction` may read it.
#[tauri::command]
#[specta::specta]
pub async fn pick_images(app: AppHandle) -> Result<Option<Vec<String>>, AppError> {
    let picker = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        picker
            .dialog()
            .file()
            .set_title("Add screenshots")
            .add_filter("Images", &copy_that_pipeline::formats::all_extensions())
            .blocking_pick_files()
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let Some(files) = picked else {
        return Ok(None);
    };
    let paths: Vec<PathBuf> = files
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .collect();
    let shown = paths.iter().map(|p| p.display().to_string()).collect();
    app.state::<AppState>().grants.grant(paths);
    Ok(Some(shown))
}

/// Files and folders dropped on the window, as the native drop event (not the webview) reports
/// them: granted for `start_extraction`.
pub fn granted_drop(app: &AppHandle, paths: &[PathBuf]) {
    if let Some(state) = app.try_state::<AppState>() {
        state.grants.grant(paths.iter().cloned());
    }
}

/// Measures files and folders into a project, streaming `ExtractProgressEvent`s tagged `job`.
/// `engine` overrides the settings' default engine for this run. Only paths the designer handed
/// over (dropped on the window, chosen in the dialog) are taken; any other is refused with one
/// message that says nothing about it. Devices, FIFOs and sockets are skipped, never read.
#[tauri::command]
#[specta::specta]
pub async fn start_extraction(
    app: AppHandle,
    state: State<'_, AppState>,
    job: String,
    project: String,
    paths: Vec<String>,
    engine: Option<EngineKind>,
) -> Result<BatchSummary, AppError> {
    let paths = state.grants.check(&paths)?;
    let summary = run_extraction(app, &state, job, project.clone(), paths.clone(), engine).await;
    // Pastes held during an earlier batch come through here with the drops.
    crate::commands::paste::forget_pasted(&state, &project, &paths).await;
    summary
}

/// Measures again the images of a project that failed (the project remembers them, with where
/// they were read from), as one batch streaming `ExtractProgressEvent`s tagged `job`. Paths come
/// from the project, never from the webview.
#[tauri::command]
#[specta::specta]
pub async fn retry_failed(
    app: AppHandle,
    state: State<'_, AppState>,
    job: String,
    project: String,
    engine: Option<EngineKind>,
) -> Result<BatchSummary, AppError> {
    let store = state.store()?;
    let summary = store.project(&project).await?;
    let paths: Vec<PathBuf> = store
        .failures(summary.id)
        .await?
        .into_iter()
        .map(|f| PathBuf::from(f.path))
        .collect();
    if paths.is_empty() {
        return Err(AppError::InvalidInput(
            "nothing to retry: no image of this project failed".into(),
        ));
    }
    run_extraction(app, &state, job, project, paths, engine).await
}

pub(crate) async fn run_extraction(
    app: AppHandle,
    state: &AppState,
    job: String,
    project: String,
    paths: Vec<PathBuf>,
    engine: Option<EngineKind>,
) -> Result<BatchSummary, AppError> {
    let store = state.store()?.clone();
    let mut settings = settings_of(state).await?;
    if let Some(engine) = engine {
        settings.engine = engine;
    }
    // Reading the keyring blocks; keep it off the async workers.
    let client = {
        let settings = settings.clone();
        tokio::task::spawn_blocking(move || build_client(&settings))
            .await
            .map_err(joined)??
    };
    let cancel = state.start_job(&job);
    let emit_app = app.clone();
    let emit_job = job.clone();
    let emit = Arc::new(move |event| {
        // The library itself is read by command (`saved_library`): see `LibraryChanged`.
        let event = match event {
            ExtractEvent::Library { library } => ExtractEvent::LibraryChanged {
                token_count: library.library.tokens.len() as u32,
                image_count: library.images.len() as u32,
            },
            other => other,
        };
        // A closed window cannot receive progress; the batch still completes and is saved.
        let _ = ExtractProgressEvent {
            job: emit_job.clone(),
            event,
        }
        .emit(&emit_app);
    });
    let result = run_batch(&store, &project, &paths, &settings, client, &cancel, emit).await;
    app.state::<AppState>().end_job(&job);
    Ok(result?)
}

/// Stops a batch: nothing new starts; images in flight finish and are kept.
#[tauri::command]
#[specta::specta]
pub fn cancel_extraction(state: State<'_, AppState>, job: String) -> bool {
    state.cancel_job(&job)
}
