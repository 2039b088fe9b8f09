//! The spacing engine of Copy That: the token model, set-level analysis (base unit, scale, rhythm),
//! naming and aggregation across images. Pure computation: no I/O, no UI framework.

pub mod aggregate;
pub mod analysis;
pub mod audit;
pub mod bounds;
mod cluster;
pub mod edits;
pub mod error;
pub mod grid;
pub mod keep;
pub mod library;
pub mod model;
pub mod naming;
pub mod progress;
pub mod select;

pub use aggregate::{
    aggregate, aggregate_with_progress, AggregateOptions, LibraryStatistics, SpacingLibrary,
};
pub use audit::{audit, included, left_out, AuditItem, AuditPlace, AuditReason, LeftOut};
pub use bounds::{Bounds, MergeThreshold, RootPx};
pub use edits::{apply_edit, replay, valid_token_name, EditError, TokenEdit};
pub use error::SpacingError;
pub use grid::{infer_base_unit, BaseUnit};
pub use keep::{keep_names, KnownName};
pub use library::{build_library, JobSource};
pub use model::{
    BBox, ExtractionMetadata, ImageUsage, Measurement, Occurrence, ResponsiveScales, Rhythm,
    SemanticNames, SpacingScale, SpacingToken, SpacingType, MAX_SPACING_PX,
};
pub use progress::{AggregatePhase, AggregateProgress};
pub use select::{select_system, select_with_reasons, SelectOptions, Selection, Verdict};
