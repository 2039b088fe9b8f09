//! Properties of aggregation that must hold for any input.

use copy_that_spacing::{
    aggregate, AggregateOptions, Measurement, MergeThreshold, SpacingLibrary, SpacingType,
};
use proptest::prelude::*;

fn measurement() -> impl Strategy<Value = Measurement> {
    (
        prop_oneof![
            // Mostly grid values with ±1 px noise, sometimes anything.
            (
                1u32..20,
                prop::sample::select(vec![2u32, 4, 5, 8]),
                -1i32..=1
            )
                .prop_map(|(k, b, j)| f64::from((k * b) as i32 + j).max(0.0)),
            (0u32..2000).prop_map(|q| f64::from(q) / 4.0),
        ],
        0u32..=100,
        prop::sample::select(SpacingType::ALL.to_vec()),
    )
        .prop_map(|(v, c, t)| Measurement::new(v, f64::from(c) / 100.0, t).expect("valid"))
}

fn batch() -> impl Strategy<Value = Vec<Vec<Measurement>>> {
    prop::collection::vec(prop::collection::vec(measurement(), 0..25), 0..8)
}

/// What must not depend on order: each token's value, support, name and its occurrences'
/// (value, confidence) multiset.
type TokenSummary = (f64, u32, u32, String, Vec<(u64, u64)>);

fn summary(lib: &SpacingLibrary) -> Vec<TokenSummary> {
    lib.tokens
        .iter()
        .map(|t| {
            let mut occ: Vec<(u64, u64)> = t
                .occurrences
                .iter()
                .map(|o| (o.value_px.to_bits(), o.confidence.to_bits()))
                .collect();
            occ.sort_unstable();
            (
                t.value_px,
                t.occurrence_count,
                t.image_count,
                t.name.clone(),
                occ,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn order_of_images_and_measurements_does_not_matter(images in batch(), seed in any::<u64>()) {
        let opts = AggregateOptions::default();
        let a = aggregate(&images, &opts).expect("aggregate");
        let mut shuffled = images.clone();
        // Reverse images, rotate each image's measurements by a seed-dependent amount.
        shuffled.reverse();
        for (i, img) in shuffled.iter_mut().enumerate() {
            if !img.is_empty() {
                let k = (seed as usize).wrapping_add(i) % img.len();
                img.rotate_left(k);
            }
        }
        let b = aggregate(&shuffled, &opts).expect("aggregate");
        prop_assert_eq!(summary(&a), summary(&b));
        prop_assert_eq!(a.statistics.base_unit, b.statistics.base_unit);
        prop_assert_eq!(a.statistics.average_confidence, b.statistics.average_confidence);
    }

    #[test]
    fn never_loses_an_occurrence(images in batch()) {
        let lib = aggregate(&images, &AggregateOptions::default()).expect("aggregate");
        let total: usize = images.iter().map(Vec::len).sum();
        let counted: u32 = lib.tokens.iter().map(|t| t.occurrence_count).sum();
        let kept: usize = lib.tokens.iter().map(|t| t.occurrences.len()).sum();
        prop_assert_eq!(counted as usize, total);
        prop_assert_eq!(kept, total);
    }

    #[test]
    fn never_merges_values_farther_apart_than_the_threshold_allows(
        images in batch(), threshold in 0.0f64..0.5,
    ) {
        let opts = AggregateOptions {
            threshold: MergeThreshold::new(threshold).expect("in range"),
            ..AggregateOptions::default()
        };
        let lib = aggregate(&images, &opts).expect("aggregate");
        // Within the threshold of the token, or within ±1 px of noise; quarter-pixel binning adds 1/8.
        for t in &lib.tokens {
            for o in &t.occurrences {
                let lo = o.value_px.min(t.value_px);
                let allowed = (lo * threshold).max(1.0) + 0.125;
                prop_assert!(
                    (o.value_px - t.value_px).abs() <= allowed + 1e-9,
                    "{} merged into token {} (threshold {})", o.value_px, t.value_px, threshold
                );
            }
        }
        for w in lib.tokens.windows(2) {
            let (a, b) = (w[0].value_px, w[1].value_px);
            prop_assert!(a <= 0.0 || b - a > (a * threshold).max(1.0), "tokens {} and {} should have merged", a, b);
        }
    }

    #[test]
    fn idempotent_on_its_own_output(images in batch()) {
        let opts = AggregateOptions::default();
        let first = aggregate(&images, &opts).expect("aggregate");
        let again: Vec<Vec<Measurement>> = vec![first
            .tokens
            .iter()
            .flat_map(|t| {
                std::iter::repeat_n(
                    Measurement::new(t.value_px, t.average_confidence, t.spacing_type).expect("valid"),
                    t.occurrence_count as usize,
                )
            })
            .collect()];
        let second = aggregate(&again, &opts).expect("aggregate");
        let v1: Vec<(f64, u32)> = first.tokens.iter().map(|t| (t.value_px, t.occurrence_count)).collect();
        let v2: Vec<(f64, u32)> = second.tokens.iter().map(|t| (t.value_px, t.occurrence_count)).collect();
        prop_assert_eq!(v1, v2);
    }
}
