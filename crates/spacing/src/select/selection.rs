//! What selection says about one image: a verdict per measurement and the values kept.

use crate::model::Measurement;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Why a measurement is, or is not, one of the system's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Kept: a value of the system.
    Kept,
    /// Measured with too little confidence to be considered.
    Unsure,
    /// Sure enough, but its value was not seen with enough summed confidence.
    TooRare,
    /// Seen enough, but off the grid the image's confident values share.
    OffGrid,
}

/// One image's selection, with a verdict for every measurement.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The system's measurements, values snapped to the grid, in their original order.
    pub kept: Vec<Measurement>,
    /// One verdict per input measurement, in the input order.
    pub verdicts: Vec<Verdict>,
    /// The grid the selection voted for, in CSS px (0 when nothing was considered).
    pub base_unit: f64,
    /// The strict selection kept nothing and a lenient one found these values: they are real
    /// structure, measured with little confidence.
    pub lenient: bool,
}
