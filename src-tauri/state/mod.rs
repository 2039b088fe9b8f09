//! What the shell keeps between commands: the open project store, the running batches and the
//! paths the designer handed over.

pub mod grants;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use copy_that_store::{Store, StoreError};
use tauri::{AppHandle, Manager, Runtime};
use tokio_util::sync::CancellationToken;

use crate::error::AppError;

pub struct AppState {
    store: Result<Store, String>,
    /// Said once on launch, e.g. that a damaged database was set aside.
    pub notice: Option<String>,
    jobs: Mutex<HashMap<String, CancellationToken>>,
    /// Paths from the native dialog and real drops: the only ones `start_extraction` reads.
    pub grants: grants::Grants,
}

impl AppState {
    /// Opens the store. A damaged database is set aside (its bytes kept) and a fresh one opened,
    /// with a notice; any other failure leaves the app running with the reason, never blank.
    pub async fn open(dir: PathBuf) -> AppState {
        let (store, notice) = match Store::open_dir(&dir).await {
            // A new database in place of one an earlier run (the CLI) set aside: said once.
            Ok(s) => {
                let notice = s.notice().map(str::to_string);
                (Ok(s), notice)
            }
            Err(e @ StoreError::Corrupt { .. }) => {
                let notice = Some(e.to_string());
                (
                    Store::open_dir(&dir).await.map_err(|e| e.to_string()),
                    notice,
                )
            }
            Err(e) => (Err(e.to_string()), None),
        };
        AppState {
            store,
            notice,
            jobs: Mutex::default(),
            grants: grants::Grants::default(),
        }
    }

    pub fn store(&self) -> Result<&Store, AppError> {
        self.store
            .as_ref()
            .map_err(|e| AppError::Storage(e.clone()))
    }

    pub fn start_job(&self, id: &str) -> CancellationToken {
        let token = CancellationToken::new();
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.insert(id.to_string(), token.clone());
        }
        token
    }

    pub fn end_job(&self, id: &str) {
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.remove(id);
        }
    }

    /// Whether a job with this id was running.
    pub fn cancel_job(&self, id: &str) -> bool {
        let token = self.jobs.lock().ok().and_then(|j| j.get(id).cloned());
        token.map(|t| t.cancel()).is_some()
    }
}

/// `app.state()` for the shell's own state, as a short method.
pub trait AppStateExt {
    fn app_state(&self) -> tauri::State<'_, AppState>;
}

impl<R: Runtime> AppStateExt for AppHandle<R> {
    fn app_state(&self) -> tauri::State<'_, AppState> {
        self.state::<AppState>()
    }
}
