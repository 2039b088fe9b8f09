//! Batch extraction: the one flow behind "drop images on the window" and `copy-that extract`. Files
//! (or folders) in; each image decoded, measured, named and merged into a project's library (or,
//! saving nothing, into a library in memory), with a typed event at every phase
//! so a UI (or a test) can follow along; cancellable between images, keeping what finished.
//! No UI framework here: the desktop shell forwards the events, tests collect them.

pub mod engine;
pub mod error;
pub mod events;
pub mod files;
pub mod formats;
pub mod library;
pub mod projects;
pub mod run;
pub mod settings;
pub mod target;
mod work;

pub use engine::build_client;
pub use error::PipelineError;
pub use events::{BatchSummary, ExtractEvent, ImagePhase, QueuedImage, Sink, SkippedFile};
pub use files::expand;
pub use library::{
    audit_project, load as load_library, preview_threshold, rebuild, set_threshold, AuditReport,
    MergedValue, ThresholdPreview,
};
pub use run::{run, run_batch, Batch, Finished};
pub use settings::{Concurrency, Settings, LIMITS};
pub use target::Target;
pub use work::MAX_KEPT_BYTES;
