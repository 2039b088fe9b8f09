//! What a batch reports while it runs.

use serde::{Deserialize, Serialize};
use specta::Type;

use copy_that_measure::Extraction;
use copy_that_spacing::Selection;
use copy_that_store::StoredLibrary;

/// Where one image is in its run, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ImagePhase {
    Queued,
    Decoding,
    Measuring,
    Naming,
    Aggregating,
    // Kept: saved in the project (or, in a batch that saves nothing, held for its library). A
    // plain comment: the UI bindings carry none of this.
    Saved,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QueuedImage {
    pub index: u32,
    pub file_name: String,
    pub path: String,
}

/// A file that was not taken, and why, in words for a designer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SkippedFile {
    pub file_name: String,
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BatchSummary {
    pub saved: u32,
    pub failed: u32,
    pub skipped: u32,
    /// Images never started because the batch was cancelled.
    pub cancelled: u32,
    pub elapsed_ms: f64,
}

/// One step of a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ExtractEvent {
    /// What will be measured, and what was turned away before starting.
    #[serde(rename_all = "camelCase")]
    Queued {
        images: Vec<QueuedImage>,
        skipped: Vec<SkippedFile>,
    },
    #[serde(rename_all = "camelCase")]
    Phase { index: u32, phase: ImagePhase },
    /// This image could not be measured; the rest go on.
    #[serde(rename_all = "camelCase")]
    Failed { index: u32, reason: String },
    /// This image was measured but yielded no confident spacing (or nothing at all): why, in
    /// words for a designer, instead of a silently empty result.
    #[serde(rename_all = "camelCase")]
    Note { index: u32, note: String },
    /// The project's library as it stands now (tokens appear as they are found).
    #[serde(rename_all = "camelCase")]
    Library { library: Box<StoredLibrary> },
    /// The app's stand-in for `Library`: the library changed, and the window reads it by command.
    /// An event reaches the webview as script source to evaluate, so a 1,000-token library sent
    /// four times a second cost frames of 200 ms or more while a batch streamed in.
    #[serde(rename_all = "camelCase")]
    LibraryChanged { token_count: u32, image_count: u32 },
    #[serde(rename_all = "camelCase")]
    Finished { summary: BatchSummary },
}

/// Where a batch's events go, from worker threads. Any `Fn(ExtractEvent)` is one (the app forwards
/// each event to the window); a face that prints more than the events carry (the CLI's
/// `--measurements` and `--explain`) also takes each image whole as it is measured.
pub trait Sink: Send + Sync {
    fn event(&self, event: ExtractEvent);
    /// One image measured: everything found, and its own selection (the values kept and why the
    /// rest were left out). Nothing by default.
    fn measured(&self, _index: u32, _extraction: &Extraction, _selection: &Selection) {}
}

impl<F: Fn(ExtractEvent) + Send + Sync> Sink for F {
    fn event(&self, event: ExtractEvent) {
        self(event);
    }
}
