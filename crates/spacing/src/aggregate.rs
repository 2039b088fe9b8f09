//! Merging measurements from many images into one library of tokens.
//!
//! Sort-based and order-independent: values are counted into a quarter-pixel histogram, the base
//! unit is inferred from the whole histogram, values within ±1 px of the grid are snapped to it,
//! and the distinct snapped values are partitioned so that no cluster spans more than the
//! threshold. Every measurement is then assigned to its cluster in one pass. Weights are integers,
//! so sums (and so medians) do not depend on the order they were added in.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::analysis::{self, BaseUnit};
use crate::error::SpacingError;
use crate::model::{
    ExtractionMetadata, ImageUsage, Measurement, Occurrence, Rhythm, SpacingToken, SpacingType,
    MAX_SPACING_PX,
};
use crate::naming;
use crate::progress::{AggregatePhase, AggregateProgress};

/// Version of the aggregation algorithm, recorded in every token's metadata.
pub const ALGORITHM_VERSION: &str = "aggregate/1";

/// Quarter-pixel resolution of the histogram.
const QUANT: f64 = 4.0;
const CONF_SCALE: f64 = 1_000_000.0;

/// How measurements are merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AggregateOptions {
    /// Values closer than this fraction of the smaller one form one token (0.1 = 10 %).
    pub threshold: f64,
    /// Tokens seen fewer times than this are left out of the library (their count is reported).
    pub min_support: u32,
    /// Root font size in px for rem/em values.
    pub root_px: f64,
    /// Engine that produced the measurements, recorded in the tokens' metadata.
    pub provider: String,
}

impl Default for AggregateOptions {
    fn default() -> Self {
        Self {
            threshold: 0.1,
            min_support: 1,
            root_px: 16.0,
            provider: "local".into(),
        }
    }
}

impl AggregateOptions {
    pub fn validate(&self) -> Result<(), SpacingError> {
        if !(0.0..1.0).contains(&self.threshold) || !self.threshold.is_finite() {
            return Err(SpacingError::Threshold(self.threshold));
        }
        if !(1.0..=256.0).contains(&self.root_px) {
            return Err(SpacingError::RootSize(self.root_px));
        }
        Ok(())
    }
}

/// Figures about a whole library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LibraryStatistics {
    pub token_count: u32,
    /// Tokens left out for having less support than `min_support`.
    pub hidden_token_count: u32,
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

#[derive(Default)]
struct Cluster<'a> {
    count: u64,
    conf_sum: u64,
    type_weight: [u64; 6],
    contexts: HashMap<&'a str, u64>,
    images: Vec<ImageUsage>,
    occurrences: Vec<Occurrence>,
    representative: f64,
}

fn key_of(value: f64) -> usize {
    (value * QUANT).round() as usize
}

/// Partitions sorted distinct values (index ranges) so each part spans at most `1 + threshold`.
/// Splits at the widest ratio gap first (ties: nearest the middle), so natural groups stay whole.
fn partition(values: &[f64], threshold: f64) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut stack = vec![(0usize, values.len())];
    while let Some((lo, hi)) = stack.pop() {
        if lo >= hi {
            continue;
        }
        let fits = |a: f64, b: f64| {
            if a <= 0.0 {
                b <= 0.0
            } else {
                b <= a * (1.0 + threshold) + 1e-9
            }
        };
        if fits(values[lo], values[hi - 1]) {
            parts.push((lo, hi));
            continue;
        }
        let mid2 = lo + hi - 1; // twice the middle position, to break ties without fractions
        let mut best = lo;
        let mut best_ratio = f64::NEG_INFINITY;
        for i in lo..hi - 1 {
            let ratio = if values[i] <= 0.0 {
                f64::INFINITY
            } else {
                values[i + 1] / values[i]
            };
            let better = ratio > best_ratio + 1e-12
                || ((ratio - best_ratio).abs() <= 1e-12
                    && (2 * i + 1).abs_diff(mid2) < (2 * best + 1).abs_diff(mid2));
            if better {
                best = i;
                best_ratio = ratio;
            }
        }
        stack.push((best + 1, hi));
        stack.push((lo, best + 1));
    }
    parts.sort_unstable();
    parts
}

/// Merges the measurements of many images (one inner list per image) into a library.
pub fn aggregate(
    images: &[Vec<Measurement>],
    options: &AggregateOptions,
) -> Result<SpacingLibrary, SpacingError> {
    aggregate_with_progress(images, options, &mut |_| {})
}

/// [`aggregate`], reporting each phase to `progress` as it goes.
pub fn aggregate_with_progress(
    images: &[Vec<Measurement>],
    options: &AggregateOptions,
    progress: &mut dyn FnMut(AggregateProgress),
) -> Result<SpacingLibrary, SpacingError> {
    let report = |phase, done: usize, total: usize| AggregateProgress {
        phase,
        done: done as u32,
        total: total as u32,
    };
    let started = std::time::Instant::now();
    options.validate()?;
    let key_count = key_of(MAX_SPACING_PX) + 1;
    let mut hist: Vec<u64> = vec![0; key_count];
    let mut total = 0u64;
    for (i, image) in images.iter().enumerate() {
        for (j, m) in image.iter().enumerate() {
            m.validate().map_err(|e| SpacingError::Measurement {
                image: i,
                index: j,
                source: Box::new(e),
            })?;
            hist[key_of(m.value_px)] += 1;
            total += 1;
        }
        progress(report(AggregatePhase::Counting, i + 1, images.len()));
    }

    let present: Vec<usize> = (0..key_count).filter(|&k| hist[k] > 0).collect();
    let weighted: Vec<(f64, u64)> = present
        .iter()
        .map(|&k| (k as f64 / QUANT, hist[k]))
        .collect();
    progress(report(AggregatePhase::Clustering, 0, 1));
    let base = analysis::infer_base_unit(&weighted);

    // Distinct snapped values (snap is monotone, so they come out sorted) and their weights.
    let mut snapped: Vec<f64> = Vec::new();
    let mut snapped_weight: Vec<u64> = Vec::new();
    let mut key_to_snapped: Vec<u32> = vec![u32::MAX; key_count];
    for &k in &present {
        let s = analysis::snap(k as f64 / QUANT, base.unit);
        if snapped.last().is_none_or(|&last| last < s) {
            snapped.push(s);
            snapped_weight.push(0);
        }
        let idx = snapped.len() - 1;
        snapped_weight[idx] += hist[k];
        key_to_snapped[k] = idx as u32;
    }
    let parts = partition(&snapped, options.threshold);
    let mut snapped_to_cluster = vec![0u32; snapped.len()];
    let mut clusters: Vec<Cluster> = Vec::with_capacity(parts.len());
    for (c, &(lo, hi)) in parts.iter().enumerate() {
        snapped_to_cluster[lo..hi].fill(c as u32);
        // Weighted median of the snapped values: the cluster's representative.
        let total_w: u64 = snapped_weight[lo..hi].iter().sum();
        let mut acc = 0u64;
        let mut rep = snapped[lo];
        for i in lo..hi {
            acc += snapped_weight[i];
            if 2 * acc >= total_w {
                rep = snapped[i];
                break;
            }
        }
        clusters.push(Cluster {
            representative: rep,
            ..Cluster::default()
        });
    }

    for (i, image) in images.iter().enumerate() {
        for m in image {
            let k = key_of(m.value_px);
            let c = &mut clusters[snapped_to_cluster[key_to_snapped[k] as usize] as usize];
            let conf = (m.confidence * CONF_SCALE).round() as u64;
            c.count += 1;
            c.conf_sum += conf;
            c.type_weight[m.spacing_type.index()] += 1;
            if let Some(ctx) = m.context.as_deref().filter(|s| !s.is_empty()) {
                *c.contexts.entry(ctx).or_default() += 1;
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

    let image_count = images.iter().filter(|m| !m.is_empty()).count() as u32;
    let grid_hits: u64 = present
        .iter()
        .filter(|&&k| analysis::on_grid(k as f64 / QUANT, base.unit))
        .map(|&k| hist[k])
        .sum();
    let positive_total: u64 = present.iter().filter(|&&k| k > 0).map(|&k| hist[k]).sum();
    let grid_share = if positive_total == 0 {
        0.0
    } else {
        grid_hits as f64 / positive_total as f64
    };
    let rhythm = analysis::rhythm(grid_share);

    let hidden = clusters
        .iter()
        .filter(|c| c.count < u64::from(options.min_support))
        .count() as u32;
    clusters.retain(|c| c.count >= u64::from(options.min_support) && c.count > 0);
    let values: Vec<f64> = clusters.iter().map(|c| c.representative).collect();
    let scales = analysis::assign_scale(&values);
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    progress(report(AggregatePhase::Naming, 0, clusters.len()));

    let mut tokens = Vec::with_capacity(clusters.len());
    for (idx, (c, (scale, name))) in clusters.into_iter().zip(scales.iter()).enumerate() {
        let value = c.representative;
        let spacing_type = dominant_type(&c.type_weight, c.count);
        let context = c
            .contexts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(s, _)| naming::slug(s).map_or(String::new(), |_| s.to_string()))
            .unwrap_or_default();
        let mut components: Vec<String> = c
            .contexts
            .keys()
            .filter_map(|s| naming::slug(s.split_whitespace().next().unwrap_or("")))
            .collect();
        components.sort();
        components.dedup();
        let average_confidence = c.conf_sum as f64 / CONF_SCALE / c.count as f64;
        let support = 1.0 - 1.0 / (1.0 + c.count as f64);
        let related_to = [idx.checked_sub(1), Some(idx + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| scales.get(j).map(|s| s.1.clone()))
            .collect();
        tokens.push(SpacingToken {
            value_px: value,
            value_rem: round3(value / options.root_px),
            value_em: round3(value / options.root_px),
            scale: *scale,
            base_unit: base.unit,
            multiplier: round3(value / base.unit),
            name: name.clone(),
            spacing_type,
            design_intent: String::new(),
            use_case: naming::use_case(value, spacing_type),
            semantic_names: naming::semantic_names(value, name, spacing_type, &context),
            context,
            confidence: round3(average_confidence * support),
            is_grid_compliant: analysis::on_grid(value, base.unit),
            rhythm_consistency: rhythm,
            responsive_scales: analysis::responsive(value, base.unit),
            related_to,
            component_usage: components,
            occurrence_count: c.count as u32,
            image_count: c.images.len() as u32,
            average_confidence: round3(average_confidence),
            images: c.images,
            occurrences: c.occurrences,
            extraction_metadata: ExtractionMetadata {
                algorithm_version: ALGORITHM_VERSION.into(),
                provider: options.provider.clone(),
                elapsed_ms,
            },
        });
    }

    let statistics = statistics(
        &tokens,
        hidden,
        image_count,
        total,
        base,
        rhythm,
        grid_share,
    );
    progress(report(AggregatePhase::Done, tokens.len(), tokens.len()));
    Ok(SpacingLibrary { tokens, statistics })
}

fn dominant_type(weights: &[u64; 6], count: u64) -> SpacingType {
    let (best, w) = SpacingType::ALL
        .iter()
        .map(|t| (*t, weights[t.index()]))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .unwrap_or((SpacingType::Mixed, 0));
    // A role must account for 60 % of the uses to name the token; otherwise it is mixed.
    if count > 0 && w * 10 >= count * 6 {
        best
    } else {
        SpacingType::Mixed
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
