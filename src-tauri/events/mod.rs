//! Typed events the shell streams to the UI.

use serde::{Deserialize, Serialize};
use specta::Type;
use tauri_specta::{collect_events, Event, Events};

use copy_that_pipeline::ExtractEvent;
use copy_that_spacing::AggregateProgress;

/// Progress of an aggregation the UI started, tagged with the id the UI gave the job.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct AggregateProgressEvent {
    pub job: String,
    pub progress: AggregateProgress,
}

/// One step of an extraction batch, tagged with the id the UI gave the batch.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct ExtractProgressEvent {
    pub job: String,
    pub event: ExtractEvent,
}

pub fn collect() -> Events {
    collect_events![AggregateProgressEvent, ExtractProgressEvent]
}
