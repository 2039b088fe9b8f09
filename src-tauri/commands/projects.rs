//! The projects sidebar: list, create, rename, delete, open; and what the window shows on launch.

use serde::Serialize;
use specta::Type;
use tauri::State;

use copy_that_pipeline::Settings;
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
    Ok(state
        .store()?
        .setting::<Settings>(Settings::KEY)
        .await?
        .unwrap_or_default())
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
    let settings = settings_of(&state).await?;
    let last_project = match &settings.last_project {
        Some(name) => store.load_library(name).await.ok(),
        None => None,
    };
    Ok(Startup {
        projects: store.list_projects().await?,
        settings,
        last_project,
        notice: state.notice.clone(),
        data_dir,
    })
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
    let store = state.store()?;
    let settings = settings_of(&state).await?;
    let p = store.create_project(&name).await?;
    store
        .set_project_options(p.id, settings.threshold, settings.root_px)
        .await?;
    Ok(store.project(&p.name).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn rename_project(
    state: State<'_, AppState>,
    id: u32,
    name: String,
) -> Result<Vec<ProjectSummary>, AppError> {
    let store = state.store()?;
    let old = store
        .list_projects()
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .map(|p| p.name);
    store.rename_project(id, &name).await?;
    // Keep "reopen the last project" pointing at it under its new name.
    let mut settings = settings_of(&state).await?;
    if old.is_some() && settings.last_project == old {
        settings.last_project = Some(name.trim().to_string());
        store.put_setting(Settings::KEY, &settings).await?;
    }
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
    let store = state.store()?;
    let stored = store.load_library(&name).await?;
    let mut settings = settings_of(&state).await?;
    if settings.last_project.as_deref() != Some(stored.project.name.as_str()) {
        settings.last_project = Some(stored.project.name.clone());
        store.put_setting(Settings::KEY, &settings).await?;
    }
    Ok(stored)
}
