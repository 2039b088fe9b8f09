//! Merging measurements from many images into one library of tokens.
//!
//! Histogram-based and order-independent: values are counted into a quarter-pixel histogram, the
//! distinct values are grouped around their most weighted members (see `cluster`), the base unit is
//! inferred from the groups, and every measurement is assigned to its token in one pass. Weights
//! are integers, so sums do not depend on the order they were added in.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::bounds::{MergeThreshold, RootPx};
use crate::error::SpacingError;
use crate::grid::BaseUnit;
use crate::model::{Measurement, Rhythm, SpacingToken};
use crate::progress::{AggregatePhase, AggregateProgress};

mod phases;
mod tokens;

/// Version of the aggregation algorithm, recorded in every token's metadata.
pub const ALGORITHM_VERSION: &str = "aggregate/1";

/// Quarter-pixel resolution of the histogram.
const QUANT: f64 = 4.0;
const CONF_SCALE: f64 = 1_000_000.0;
/// Confidence of a distance between two box edges, the surest kind of measurement.
const EXACT_CONFIDENCE: f64 = 0.9;

/// How measurements are merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AggregateOptions {
    /// Values closer than this fraction of the smaller one form one token (0.1 = 10 %).
    pub threshold: MergeThreshold,
    /// Tokens seen fewer times than this are left out of the library (their count is reported).
    pub min_support: u32,
    /// Measurements less sure than this are ignored (counted in the statistics).
    #[serde(default)]
    pub min_confidence: f64,
    /// Tokens whose summed confidence is below this are left out, and do not vote on the base unit.
    #[serde(default)]
    pub min_evidence: f64,
    /// When above 0: tokens of this many px or more need proportionally more evidence (twice
    /// `min_evidence` at twice this value), and at least one measurement between two box edges
    /// (confidence 0.9 or more). One-off large distances are more often layout accidents (centred
    /// content, page margins) than steps of a scale, and large distances to the side of text are
    /// mostly alignment: centred and spread-out content.
    #[serde(default)]
    pub evidence_scale_px: f64,
    /// Only measurements at least this sure vote on the base unit (all count toward tokens).
    #[serde(default)]
    pub vote_confidence: f64,
    /// Leave out tokens off the inferred base-unit grid.
    #[serde(default)]
    pub grid_only: bool,
    /// Root font size in px for rem/em values.
    pub root_px: RootPx,
    /// Engine that produced the measurements, recorded in the tokens' metadata.
    pub provider: String,
}

impl Default for AggregateOptions {
    fn default() -> Self {
        Self {
            threshold: MergeThreshold::DEFAULT,
            min_support: 1,
            min_confidence: 0.0,
            min_evidence: 0.0,
            vote_confidence: 0.0,
            evidence_scale_px: 0.0,
            grid_only: false,
            root_px: RootPx::DEFAULT,
            provider: "local".into(),
        }
    }
}

/// Figures about a whole library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LibraryStatistics {
    pub token_count: u32,
    /// Tokens left out: too little support or evidence, or off the grid when only the grid is kept.
    pub hidden_token_count: u32,
    /// Measurements ignored for being less sure than `min_confidence`.
    pub ignored_measurement_count: u32,
    pub image_count: u32,
    pub measurement_count: u32,
    pub min_px: f64,
    pub max_px: f64,
    pub mean_px: f64,
    /// The grid unit of the set, in px.
    pub base_unit: f64,
    /// How sure the base-unit inference is (0..1).
    pub base_unit_confidence: f64,
    pub rhythm: Rhythm,
    /// Share of the measurements that sit on the base-unit grid.
    pub grid_compliant_ratio: f64,
    pub average_confidence: f64,
}

/// A set of tokens built from one or more images.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SpacingLibrary {
    pub tokens: Vec<SpacingToken>,
    pub statistics: LibraryStatistics,
}

/// Merges the measurements of many images (one inner list per image) into a library.
pub fn aggregate(
    images: &[Vec<Measurement>],
    options: &AggregateOptions,
) -> Result<SpacingLibrary, SpacingError> {
    aggregate_with_progress(images, options, &mut |_| {})
}

/// [`aggregate`], reporting each phase to `progress` as it goes; each image's measurements in
/// any slice-like form (a library rebuild borrows the values it keeps between rebuilds).
///
/// Phases, each its own function: count every measurement into the quarter-pixel histogram
/// ([`phases::count`]), cluster the distinct values and infer the base unit from them
/// ([`phases::cluster_values`]), assign every measurement to its cluster ([`phases::assign`]),
/// measure the rhythm ([`phases::rhythm`]), keep the clusters with enough evidence
/// ([`phases::keep_visible`]) and turn each into a named token ([`tokens::build`]).
pub fn aggregate_with_progress<I: AsRef<[Measurement]>>(
    images: &[I],
    options: &AggregateOptions,
    progress: &mut dyn FnMut(AggregateProgress),
) -> Result<SpacingLibrary, SpacingError> {
    let started = std::time::Instant::now();
    let hist = phases::count(images, options, progress)?;
    progress(report(AggregatePhase::Clustering, 0, 1));
    let clustered = phases::cluster_values(&hist, options);
    let base = clustered.base;
    let clusters = phases::assign(images, options, &clustered);
    let image_count = images.iter().filter(|m| !m.as_ref().is_empty()).count() as u32;
    let (grid_share, rhythm) = phases::rhythm(&hist, &clustered.present, base);
    let (clusters, hidden) = phases::keep_visible(clusters, options, base);
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    progress(report(AggregatePhase::Naming, 0, clusters.len()));
    let tokens = tokens::build(clusters, options, base, rhythm, elapsed_ms);
    let mut statistics = statistics(
        &tokens,
        hidden,
        image_count,
        hist.total,
        base,
        rhythm,
        grid_share,
    );
    statistics.ignored_measurement_count = hist.ignored;
    progress(report(AggregatePhase::Done, tokens.len(), tokens.len()));
    Ok(SpacingLibrary { tokens, statistics })
}

fn report(phase: AggregatePhase, done: usize, total: usize) -> AggregateProgress {
    AggregateProgress {
        phase,
        done: done as u32,
        total: total as u32,
    }
}

fn statistics(
    tokens: &[SpacingToken],
    hidden: u32,
    image_count: u32,
    total: u64,
    base: BaseUnit,
    rhythm: Rhythm,
    grid_share: f64,
) -> LibraryStatistics {
    let n = tokens.len();
    let min_px = tokens
        .iter()
        .map(|t| t.value_px)
        .fold(f64::INFINITY, f64::min);
    let max_px = tokens.iter().map(|t| t.value_px).fold(0.0, f64::max);
    let mean_px = if n == 0 {
        0.0
    } else {
        tokens.iter().map(|t| t.value_px).sum::<f64>() / n as f64
    };
    let occ: u64 = tokens.iter().map(|t| u64::from(t.occurrence_count)).sum();
    let conf: f64 = tokens
        .iter()
        .map(|t| t.average_confidence * f64::from(t.occurrence_count))
        .sum();
    LibraryStatistics {
        token_count: n as u32,
        hidden_token_count: hidden,
        ignored_measurement_count: 0,
        image_count,
        measurement_count: total as u32,
        min_px: if n == 0 { 0.0 } else { min_px },
        max_px,
        mean_px: round3(mean_px),
        base_unit: base.unit,
        base_unit_confidence: round3(base.confidence),
        rhythm,
        grid_compliant_ratio: round3(grid_share),
        average_confidence: if occ == 0 {
            0.0
        } else {
            round3(conf / occ as f64)
        },
    }
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}
