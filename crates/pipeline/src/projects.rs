//! Settings policy over the project store, for every face: settings are read leniently and saved
//! checked, new projects take the settings' threshold and root size, and the last opened project
//! is remembered (also across a rename). The app's commands only adapt these.

use copy_that_store::{ProjectSummary, Store, StoredLibrary};

use crate::error::PipelineError;
use crate::settings::Settings;

/// The saved settings, or the defaults when none were saved.
pub async fn load_settings(store: &Store) -> Result<Settings, PipelineError> {
    Ok(store
        .setting::<serde_json::Value>(Settings::KEY)
        .await?
        .map(Settings::from_saved)
        .unwrap_or_default())
}

/// Checks and saves the settings a form sent, keeping the last project (the app tracks it, not
/// the form). Returns them as saved.
pub async fn save_settings(store: &Store, settings: Settings) -> Result<Settings, PipelineError> {
    settings.validate()?;
    let settings = Settings {
        last_project: load_settings(store).await?.last_project,
        ..settings
    };
    store.put_setting(Settings::KEY, &settings).await?;
    Ok(settings)
}

async fn remember(store: &Store, last: Option<String>) -> Result<(), PipelineError> {
    let mut settings = load_settings(store).await?;
    if settings.last_project != last {
        settings.last_project = last;
        store.put_setting(Settings::KEY, &settings).await?;
    }
    Ok(())
}

/// The last project opened, if it still exists.
pub async fn last_project(
    store: &Store,
    settings: &Settings,
) -> Result<Option<StoredLibrary>, PipelineError> {
    Ok(match &settings.last_project {
        Some(name) => crate::library::load(store, name).await.ok(),
        None => None,
    })
}

/// A new project with the settings' merge threshold and root size.
pub async fn create_project(store: &Store, name: &str) -> Result<ProjectSummary, PipelineError> {
    let settings = load_settings(store).await?;
    let p = store.create_project(name).await?;
    store
        .set_project_options(p.id, settings.threshold, settings.root_px)
        .await?;
    Ok(store.project(&p.name).await?)
}

/// The project with this name, created as [`create_project`] creates one if it does not exist
/// (`copy-that extract --project`): the CLI's new projects take the settings as the app's do.
pub async fn ensure_project(store: &Store, name: &str) -> Result<ProjectSummary, PipelineError> {
    match store.project(name).await {
        Err(copy_that_store::StoreError::ProjectNotFound(_)) => create_project(store, name).await,
        other => Ok(other?),
    }
}

/// Loads a project's library and remembers it as the one to reopen.
pub async fn open_project(store: &Store, name: &str) -> Result<StoredLibrary, PipelineError> {
    let stored = crate::library::load(store, name).await?;
    remember(store, Some(stored.project.name.clone())).await?;
    Ok(stored)
}

/// Renames a project; "reopen the last project" follows it to its new name.
pub async fn rename_project(store: &Store, id: u32, name: &str) -> Result<(), PipelineError> {
    let old = store
        .list_projects()
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .map(|p| p.name);
    store.rename_project(id, name).await?;
    if old.is_some() && load_settings(store).await?.last_project == old {
        remember(store, Some(name.trim().to_string())).await?;
    }
    Ok(())
}
