//! Merging measurements from many images into one library of tokens.
//!
//! Histogram-based and order-independent: values are counted into a quarter-pixel histogram, the
//! distinct values are grouped around their most weighted members (see `cluster`), the base unit is
//! inferred from the groups, and every measurement is assigned to its token in one pass. Weights
//! are integers, so sums do not depend on the order they were added in.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::analysis::{self, BaseUnit};
use crate::bounds::{MergeThreshold, RootPx};
use crate::cluster::{self, Bin};
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

#[derive(Default)]
struct Cluster<'a> {
    count: u64,
    conf_sum: u64,
    /// The surest measurement's confidence.
    conf_max: u64,
    type_weight: [u64; 6],
    contexts: HashMap<&'a str, u64>,
    intents: HashMap<&'a str, u64>,
    images: Vec<ImageUsage>,
    occurrences: Vec<Occurrence>,
    representative: f64,
}

fn key_of(value: f64) -> usize {
    (value * QUANT).round() as usize
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
pub fn aggregate_with_progress<I: AsRef<[Measurement]>>(
    images: &[I],
    options: &AggregateOptions,
    progress: &mut dyn FnMut(AggregateProgress),
) -> Result<SpacingLibrary, SpacingError> {
    let report = |phase, done: usize, total: usize| AggregateProgress {
        phase,
        done: done as u32,
        total: total as u32,
    };
    let started = std::time::Instant::now();
    let key_count = key_of(MAX_SPACING_PX) + 1;
    let mut hist: Vec<u64> = vec![0; key_count];
    let mut conf_hist: Vec<u64> = vec![0; key_count];
    let mut vote_hist: Vec<u64> = vec![0; key_count];
    let mut total = 0u64;
    let mut ignored = 0u32;
    for (i, image) in images.iter().enumerate() {
        for (j, m) in image.as_ref().iter().enumerate() {
            m.validate().map_err(|e| SpacingError::Measurement {
                image: i,
                index: j,
                source: Box::new(e),
            })?;
            if m.confidence < options.min_confidence {
                ignored += 1;
                continue;
            }
            let k = key_of(m.value_px);
            hist[k] += 1;
            let conf = (m.confidence * CONF_SCALE).round() as u64;
            conf_hist[k] += conf;
            if m.confidence >= options.vote_confidence {
                vote_hist[k] += conf;
            }
            total += 1;
        }
        progress(report(AggregatePhase::Counting, i + 1, images.len()));
    }

    let present: Vec<usize> = (0..key_count).filter(|&k| hist[k] > 0).collect();
    let bins: Vec<Bin> = present
        .iter()
        .map(|&k| Bin {
            value: k as f64 / QUANT,
            count: hist[k],
            weight: conf_hist[k],
            vote: vote_hist[k],
        })
        .collect();
    progress(report(AggregatePhase::Clustering, 0, 1));
    let min_evidence = (options.min_evidence * CONF_SCALE).round() as u64;
    let clustering = cluster::cluster(&bins, options.threshold.get(), min_evidence);
    let base = clustering.base;
    let mut cluster_of_key: Vec<u32> = vec![u32::MAX; key_count];
    for (&k, &c) in present.iter().zip(&clustering.cluster_of_bin) {
        cluster_of_key[k] = c;
    }
    let mut clusters: Vec<Cluster> = clustering
        .values
        .iter()
        .zip(&clustering.counts)
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
            let c = &mut clusters[cluster_of_key[k] as usize];
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

    let image_count = images.iter().filter(|m| !m.as_ref().is_empty()).count() as u32;
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
            && (!options.grid_only || analysis::on_grid(c.representative, base.unit))
    };
    let hidden = clusters
        .iter()
        .filter(|c| c.count > 0 && !visible(c))
        .count() as u32;
    clusters.retain(visible);
    let values: Vec<f64> = clusters.iter().map(|c| c.representative).collect();
    let scales = analysis::assign_scale(&values);
    let names = naming::step_names(&values);
    let contexts = naming::unique_contexts(
        &clusters
            .iter()
            .map(|c| (c.count, c.contexts.iter().map(|(s, n)| (*s, *n)).collect()))
            .collect::<Vec<_>>(),
    );
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    progress(report(AggregatePhase::Naming, 0, clusters.len()));

    let mut tokens = Vec::with_capacity(clusters.len());
    for (idx, ((c, (scale, t_shirt)), name)) in clusters
        .into_iter()
        .zip(scales.iter())
        .zip(names.iter())
        .enumerate()
    {
        let value = c.representative;
        let spacing_type = dominant_type(&c.type_weight, c.count);
        let context = contexts[idx].clone();
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
            .filter_map(|j| names.get(j).cloned())
            .collect();
        tokens.push(SpacingToken {
            value_px: value,
            value_rem: round3(value / options.root_px.get()),
            value_em: round3(value / options.root_px.get()),
            scale: *scale,
            base_unit: base.unit,
            multiplier: round3(value / base.unit),
            name: name.clone(),
            spacing_type,
            design_intent: c
                .intents
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.to_string())
                .unwrap_or_default(),
            use_case: naming::use_case(value, spacing_type),
            semantic_names: naming::semantic_names(value, t_shirt, spacing_type, &context),
            context,
            confidence: round3(average_confidence * support),
            is_grid_compliant: analysis::on_grid(value, base.unit),
            rhythm_consistency: rhythm,
            responsive_scales: analysis::responsive(value, base.unit),
            related_to,
            component_usage: components,
            occurrence_count: c.count as u32,
            image_count: c.images.len() as u32,
            average_confidence,
            images: c.images,
            occurrences: c.occurrences,
            extraction_metadata: ExtractionMetadata {
                algorithm_version: ALGORITHM_VERSION.into(),
                provider: options.provider.clone(),
                elapsed_ms,
            },
        });
    }

    let mut statistics = statistics(
        &tokens,
        hidden,
        image_count,
        total,
        base,
        rhythm,
        grid_share,
    );
    statistics.ignored_measurement_count = ignored;
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
