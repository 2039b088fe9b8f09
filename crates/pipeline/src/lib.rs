//! Batch extraction: the flow behind "drop images on the window". Files (or folders) in; each image
//! decoded, measured, named and merged into a project's library, with a typed event at every phase
//! so a UI (or a test) can follow along; cancellable between images, keeping what finished.
//! No UI framework here: the desktop shell forwards the events, tests collect them.

pub mod engine;
pub mod error;
pub mod events;
pub mod files;
pub mod run;
pub mod settings;

pub use engine::build_client;
pub use error::PipelineError;
pub use events::{BatchSummary, ExtractEvent, ImagePhase, QueuedImage, SkippedFile};
pub use files::expand;
pub use run::run_batch;
pub use settings::Settings;
