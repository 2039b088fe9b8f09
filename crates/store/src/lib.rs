//! The project store of Copy That: an embedded SQLite database (via sqlx) holding projects, their
//! images, extraction jobs with every measurement, and the aggregated token library with its
//! provenance, so saved work can be browsed offline. No secrets are ever stored here: API keys live
//! in the OS keyring.

mod ai_cache;
pub mod damage;
pub mod db;
pub mod edits;
pub mod error;
mod failures;
mod files;
mod freshness;
pub mod library;
pub mod repo;
mod stored;

pub use damage::set_aside_pending;
pub use db::{default_data_dir, OpenOptions, Store, BUSY_TIMEOUT, DB_FILE};
pub use error::StoreError;
pub use failures::FailedImage;
pub use files::{ImageCopy, KeptImage};
pub use library::{StoredJob, StoredLibrary, TokenFilter};
pub use repo::{content_hash, ImageRecord, NewImage, NewJob, ProjectSummary};
pub use stored::{BaseUnitRunnerUp, DOUBTFUL_BASE_UNIT};
