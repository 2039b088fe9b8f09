//! The last phase of an aggregation: each kept cluster becomes a named token.

use super::phases::Cluster;
use super::{round3, AggregateOptions, ALGORITHM_VERSION, CONF_SCALE};
use crate::analysis;
use crate::grid::{self, BaseUnit};
use crate::model::{ExtractionMetadata, Rhythm, SpacingToken, SpacingType};
use crate::naming;

/// Phase 6: names (steps, t-shirt sizes, one context per token), roles, confidence and
/// provenance for every kept cluster, in ascending value.
pub(super) fn build(
    clusters: Vec<Cluster<'_>>,
    options: &AggregateOptions,
    base: BaseUnit,
    rhythm: Rhythm,
    elapsed_ms: f64,
) -> Vec<SpacingToken> {
    let values: Vec<f64> = clusters.iter().map(|c| c.representative).collect();
    let scales = analysis::assign_scale(&values);
    let names = naming::step_names(&values);
    let contexts = naming::unique_contexts(
        &clusters
            .iter()
            .map(|c| (c.count, c.contexts.iter().map(|(s, n)| (*s, *n)).collect()))
            .collect::<Vec<_>>(),
    );
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
            is_grid_compliant: grid::on_grid(value, base.unit),
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
    tokens
}

/// The role that names the token: the one most of its uses have.
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
