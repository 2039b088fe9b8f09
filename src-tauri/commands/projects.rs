//! The projects sidebar: list, create, rename, delete, open; and what the window shows on launch.

use serde::Serialize;
use specta::Type;
use tauri::State;

use copy_that_pipeline::{projects, Settings, ThresholdPreview};
use copy_that_spacing::MergeThreshold;
use copy_that_store::{ProjectSummary, StoredLibrary};

use crate::error::AppError;
use crate::state::AppState;

/// Everything the first screen needs, in one call, read from the local database.
#[derive(Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    pub projects: Vec<ProjectSummary>,
    pub settings: Settings,
    /// The project open when the app last closed, if it still exists.
    pub last_project: Option<StoredLibrary>,
    /// Something the designer should know (a damaged database set aside, a store that failed).
    pub notice: Option<String>,
    pub data_dir: String,
}

pub(crate) async fn settings_of(state: &AppState) -> Result<Settings, AppError> {
    Ok(projects::load_settings(state.store()?).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn startup(state: State<'_, AppState>) -> Result<Startup, AppError> {
    let data_dir = copy_that_store::default_data_dir().display().to_string();
    let store = match state.store() {
        Ok(s) => s,
        // The window still opens and says why nothing is listed.
        Err(e) => {
            return Ok(Startup {
                projects: Vec::new(),
                settings: Settings::default(),
                last_project: None,
                notice: Some(format!("Projects cannot be opened: {e}")),
                data_dir,
            })
        }
    };
    crate::trace_startup("startup asked by the page");
    let settings = projects::load_settings(store).await?;
    let last_project = projects::last_project(store, &settings).await?;
    let answer = Startup {
        projects: store.list_projects().await?,
        settings,
        last_project,
        notice: state.notice.clone(),
        data_dir,
    };
    crate::trace_startup("startup answered");
    Ok(answer)
}

#[tauri::command]
#[specta::specta]
pub async fn list_projects(state: State<'_, AppState>) -> Result<Vec<ProjectSummary>, AppError> {
    Ok(state.store()?.list_projects().await?)
}

/// Creates a project with the settings' merge threshold and root size.
#[tauri::command]
#[specta::specta]
pub async fn create_project(
    state: State<'_, AppState>,
    name: String,
) -> Result<ProjectSummary, AppError> {
    Ok(projects::create_project(state.store()?, &name).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn rename_project(
    state: State<'_, AppState>,
    id: u32,
    name: String,
) -> Result<Vec<ProjectSummary>, AppError> {
    let store = state.store()?;
    projects::rename_project(store, id, &name).await?;
    Ok(store.list_projects().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_project(
    state: State<'_, AppState>,
    id: u32,
) -> Result<Vec<ProjectSummary>, AppError> {
    let store = state.store()?;
    store.delete_project(id).await?;
    Ok(store.list_projects().await?)
}

/// Loads a project's library and remembers it as the one to reopen.
#[tauri::command]
#[specta::specta]
pub async fn open_project(
    state: State<'_, AppState>,
    name: String,
) -> Result<StoredLibrary, AppError> {
    Ok(projects::open_project(state.store()?, &name).await?)
}

/// What the project's library would become at another merge threshold (the header's live
/// preview); nothing is saved.
#[tauri::command]
#[specta::specta]
pub async fn preview_threshold(
    state: State<'_, AppState>,
    project: String,
    threshold: MergeThreshold,
) -> Result<ThresholdPreview, AppError> {
    Ok(copy_that_pipeline::preview_threshold(state.store()?, &project, threshold).await?)
}

/// Sets the project's merge threshold and re-merges its library at it.
#[tauri::command]
#[specta::specta]
pub async fn set_project_threshold(
    state: State<'_, AppState>,
    project: String,
    threshold: MergeThreshold,
) -> Result<StoredLibrary, AppError> {
    Ok(copy_that_pipeline::set_threshold(state.store()?, &project, threshold).await?)
}

/// A project's library as last saved, without the rebuild a stale one gets on opening: what the
/// window reads while a batch streams in (the batch itself rebuilds and saves as it goes).
#[tauri::command]
#[specta::specta]
pub async fn saved_library(
    state: State<'_, AppState>,
    project: String,
) -> Result<StoredLibrary, AppError> {
    Ok(state.store()?.load_library(&project).await?)
}
