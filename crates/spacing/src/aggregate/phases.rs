//! The phases of an aggregation before naming: counting, clustering, assigning, rhythm and
//! evidence. Each takes what the one before produced.

use std::collections::HashMap;

use super::{report, AggregateOptions, CONF_SCALE, EXACT_CONFIDENCE, QUANT};
use crate::analysis;
use crate::cluster::{self, Bin};
use crate::error::SpacingError;
use crate::grid::{self, BaseUnit, Inference};
use crate::model::{ImageUsage, Measurement, Occurrence, Rhythm, MAX_SPACING_PX};
use crate::progress::{AggregatePhase, AggregateProgress};

/// One token in the making: what its measurements add up to.
#[derive(Default)]
pub(super) struct Cluster<'a> {
    pub count: u64,
    pub conf_sum: u64,
    /// The surest measurement's confidence.
    pub conf_max: u64,
    pub type_weight: [u64; 6],
    pub contexts: HashMap<&'a str, u64>,
    pub intents: HashMap<&'a str, u64>,
    pub images: Vec<ImageUsage>,
    pub occurrences: Vec<Occurrence>,
    pub representative: f64,
}

fn key_of(value: f64) -> usize {
    (value * QUANT).round() as usize
}

/// Every measurement counted at its quarter pixel: how many, how surely, how many sure enough
/// to vote on the base unit.
pub(super) struct Histogram {
    pub hist: Vec<u64>,
    conf: Vec<u64>,
    vote: Vec<u64>,
    /// Measurements counted.
    pub total: u64,
    /// Measurements under the minimum confidence, left out.
    pub ignored: u32,
}

/// Phase 1: validates and counts every measurement, reporting per image.
pub(super) fn count<I: AsRef<[Measurement]>>(
    images: &[I],
    options: &AggregateOptions,
    progress: &mut dyn FnMut(AggregateProgress),
) -> Result<Histogram, SpacingError> {
    let key_count = key_of(MAX_SPACING_PX) + 1;
    let mut h = Histogram {
        hist: vec![0; key_count],
        conf: vec![0; key_count],
        vote: vec![0; key_count],
        total: 0,
        ignored: 0,
    };
    for (i, image) in images.iter().enumerate() {
        for (j, m) in image.as_ref().iter().enumerate() {
            m.validate().map_err(|e| SpacingError::Measurement {
                image: i,
                index: j,
                source: Box::new(e),
            })?;
            if m.confidence < options.min_confidence {
                h.ignored += 1;
                continue;
            }
            let k = key_of(m.value_px);
            h.hist[k] += 1;
            let conf = (m.confidence * CONF_SCALE).round() as u64;
            h.conf[k] += conf;
            if m.confidence >= options.vote_confidence {
                h.vote[k] += conf;
            }
            h.total += 1;
        }
        progress(report(AggregatePhase::Counting, i + 1, images.len()));
    }
    Ok(h)
}

/// The distinct values grouped into clusters, and the base unit inferred from them.
pub(super) struct Clustered {
    pub base: BaseUnit,
    /// The histogram keys that hold measurements, ascending.
    pub present: Vec<usize>,
    /// Each key's cluster (`u32::MAX` where nothing was measured).
    cluster_of_key: Vec<u32>,
    values: Vec<f64>,
    counts: Vec<u64>,
}

/// Phase 2: clusters the distinct values (see `cluster`).
pub(super) fn cluster_values(h: &Histogram, options: &AggregateOptions) -> Clustered {
    let present: Vec<usize> = (0..h.hist.len()).filter(|&k| h.hist[k] > 0).collect();
    let bins: Vec<Bin> = present
        .iter()
        .map(|&k| Bin {
            value: k as f64 / QUANT,
            count: h.hist[k],
            weight: h.conf[k],
            vote: h.vote[k],
        })
        .collect();
    // The selection's grid-only rule votes over raw measurements, stray values and all; a
    // library's base unit is inferred from its token values (see `grid`).
    let inference = if options.grid_only {
        Inference::Coverage
    } else {
        Inference::Likelihood
    };
    let clustering = cluster::cluster(
        &bins,
        options.threshold.get(),
        min_evidence(options),
        inference,
    );
    let mut cluster_of_key: Vec<u32> = vec![u32::MAX; h.hist.len()];
    for (&k, &c) in present.iter().zip(&clustering.cluster_of_bin) {
        cluster_of_key[k] = c;
    }
    Clustered {
        base: clustering.base,
        present,
        cluster_of_key,
        values: clustering.values,
        counts: clustering.counts,
    }
}

fn min_evidence(options: &AggregateOptions) -> u64 {
    (options.min_evidence * CONF_SCALE).round() as u64
}

/// Phase 3: every measurement added to its cluster, with where it came from.
pub(super) fn assign<'a, I: AsRef<[Measurement]>>(
    images: &'a [I],
    options: &AggregateOptions,
    clustered: &Clustered,
) -> Vec<Cluster<'a>> {
    let mut clusters: Vec<Cluster> = clustered
        .values
        .iter()
        .zip(&clustered.counts)
        .map(|(&representative, &count)| Cluster {
            representative,
            occurrences: Vec::with_capacity(count as usize),
            ..Cluster::default()
        })
        .collect();
    for (i, image) in images.iter().enumerate() {
        for m in image
            .as_ref()
            .iter()
            .filter(|m| m.confidence >= options.min_confidence)
        {
            let k = key_of(m.value_px);
            let c = &mut clusters[clustered.cluster_of_key[k] as usize];
            let conf = (m.confidence * CONF_SCALE).round() as u64;
            c.count += 1;
            c.conf_sum += conf;
            c.conf_max = c.conf_max.max(conf);
            c.type_weight[m.spacing_type.index()] += 1;
            if let Some(ctx) = m.context.as_deref().filter(|s| !s.is_empty()) {
                *c.contexts.entry(ctx).or_default() += 1;
            }
            if let Some(intent) = m.design_intent.as_deref().filter(|s| !s.is_empty()) {
                *c.intents.entry(intent).or_default() += 1;
            }
            match c.images.last_mut() {
                Some(u) if u.image == i as u32 => u.count += 1,
                _ => c.images.push(ImageUsage {
                    image: i as u32,
                    count: 1,
                }),
            }
            c.occurrences.push(Occurrence {
                image: i as u32,
                value_px: m.value_px,
                confidence: m.confidence,
                spacing_type: m.spacing_type,
                bbox: m.bbox,
            });
        }
    }
    clusters
}

/// Phase 4: the share of positive measurements on the base unit's grid, and the rhythm it makes.
pub(super) fn rhythm(h: &Histogram, present: &[usize], base: BaseUnit) -> (f64, Rhythm) {
    let grid_hits: u64 = present
        .iter()
        .filter(|&&k| grid::on_grid(k as f64 / QUANT, base.unit))
        .map(|&k| h.hist[k])
        .sum();
    let positive_total: u64 = present.iter().filter(|&&k| k > 0).map(|&k| h.hist[k]).sum();
    let grid_share = if positive_total == 0 {
        0.0
    } else {
        grid_hits as f64 / positive_total as f64
    };
    (grid_share, analysis::rhythm(grid_share))
}

/// Values under this may be a half step of the grid rather than noise (see `half_step`); from 12 px
/// on, a kept value is reported at the grid anyway (`select`).
const HALF_STEP_BELOW_PX: f64 = 12.0;
/// Under this, distances are hairlines, letter gaps and rendering offsets, not half steps.
const HALF_STEP_FROM_PX: f64 = 4.0;
/// A half step needs this many times the evidence an on-grid value needs: seen once or twice, a
/// value between two steps is more often an accident (a glyph's bearing, an icon's drawing) than a
/// step (with the same evidence as on-grid values, the tuning sources lost 0.005 F1).
const HALF_STEP_EVIDENCE: u64 = 3;

/// Whether a small value sits exactly half way between two steps of the grid (6 and 10 px beside
/// a 4 px grid: Bootstrap's and Tailwind's button and badge paddings; 4 px beside an 8 px grid).
/// Noise scatters a pixel either way of a step, so a half step seen exactly and often is a step
/// of the system, not an accident: the grid-only selection used to drop every one as off the grid.
fn half_step(value: f64, unit: f64) -> bool {
    (HALF_STEP_FROM_PX..HALF_STEP_BELOW_PX).contains(&value)
        && unit > 0.0
        && grid::on_multiple(value, unit / 2.0)
        && !grid::on_grid(value, unit)
}

/// Phase 5: the clusters with the support and evidence a token needs (larger values need
/// proportionally more, and one measurement between two box edges), and how many were hidden.
pub(super) fn keep_visible<'a>(
    mut clusters: Vec<Cluster<'a>>,
    options: &AggregateOptions,
    base: BaseUnit,
) -> (Vec<Cluster<'a>>, u32) {
    let min_evidence = min_evidence(options);
    let needed = |v: f64| {
        let s = options.evidence_scale_px;
        if s > 0.0 && v > s {
            (min_evidence as f64 * (v / s)).round() as u64
        } else {
            min_evidence
        }
    };
    let exact = (EXACT_CONFIDENCE * CONF_SCALE).round() as u64;
    let large = |v: f64| options.evidence_scale_px > 0.0 && v >= options.evidence_scale_px;
    let visible = |c: &Cluster| {
        c.count >= u64::from(options.min_support).max(1)
            && c.conf_sum >= needed(c.representative)
            && (!large(c.representative) || c.conf_max >= exact)
            && (!options.grid_only
                || grid::on_grid(c.representative, base.unit)
                || (half_step(c.representative, base.unit)
                    && c.conf_sum >= HALF_STEP_EVIDENCE * needed(c.representative)))
    };
    let hidden = clusters
        .iter()
        .filter(|c| c.count > 0 && !visible(c))
        .count() as u32;
    clusters.retain(visible);
    (clusters, hidden)
}
