//! Progress the engine reports while it works. The caller decides how to show it: the app turns it
//! into Tauri events, the CLI into a progress bar.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum AggregatePhase {
    /// Checking and counting each image's measurements.
    Counting,
    /// Inferring the base unit and merging near-equal values.
    Clustering,
    /// Computing each token's properties and names.
    Naming,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AggregateProgress {
    pub phase: AggregatePhase,
    /// Units of work finished in this phase (images while counting, tokens while naming).
    pub done: u32,
    pub total: u32,
}
