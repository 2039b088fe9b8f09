//! Settings, and API keys that go straight to the OS keyring (the UI only ever sees whether one
//! is stored).

use serde::Serialize;
use specta::Type;
use tauri::State;

use copy_that_ai::{delete_key, load_key, store_key, ApiKey, Provider};
use copy_that_pipeline::Settings;

use crate::commands::projects::settings_of;
use crate::error::{joined, AppError};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, AppError> {
    settings_of(&state).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_settings(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, AppError> {
    Ok(copy_that_pipeline::projects::save_settings(state.store()?, settings).await?)
}

#[derive(Debug, Serialize, Type)]
#[serde(tag = "state", content = "message", rename_all = "camelCase")]
pub enum KeyState {
    Stored,
    NotSet,
    /// The keyring could not be reached; the message says why.
    Unavailable(String),
}

#[derive(Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct KeyStatus {
    pub provider: Provider,
    pub key: KeyState,
}

const PROVIDERS: [Provider; 3] = [
    Provider::Claude,
    Provider::Openai,
    Provider::OpenaiCompatible,
];

#[tauri::command]
#[specta::specta]
pub async fn key_status() -> Result<Vec<KeyStatus>, AppError> {
    tokio::task::spawn_blocking(|| {
        PROVIDERS
            .into_iter()
            .map(|provider| KeyStatus {
                provider,
                key: match load_key(provider.name()) {
                    Ok(Some(_)) => KeyState::Stored,
                    Ok(None) => KeyState::NotSet,
                    Err(e) => KeyState::Unavailable(e.to_string()),
                },
            })
            .collect()
    })
    .await
    .map_err(joined)
}

#[tauri::command]
#[specta::specta]
pub async fn store_api_key(provider: Provider, key: String) -> Result<(), AppError> {
    let key = key.trim().to_string();
    if key.is_empty() || key.len() > 512 || key.chars().any(char::is_control) {
        return Err(AppError::InvalidInput(
            "paste the whole key: one line, no spaces around it".into(),
        ));
    }
    tokio::task::spawn_blocking(move || store_key(provider.name(), &ApiKey::new(key)))
        .await
        .map_err(joined)??;
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn delete_api_key(provider: Provider) -> Result<(), AppError> {
    tokio::task::spawn_blocking(move || delete_key(provider.name()))
        .await
        .map_err(joined)??;
    Ok(())
}
