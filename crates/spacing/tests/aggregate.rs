//! Aggregation behaviour on hand-made batches.

use copy_that_spacing::{
    aggregate, aggregate_with_progress, AggregateOptions, AggregatePhase, BBox, Measurement,
    MergeThreshold, Rhythm, RootPx, SpacingError, SpacingType,
};

fn threshold(t: f64) -> MergeThreshold {
    MergeThreshold::new(t).expect("a threshold the engine takes")
}

fn m(v: f64) -> Measurement {
    Measurement::new(v, 0.9, SpacingType::Padding).expect("valid")
}

fn values(images: &[Vec<Measurement>]) -> Vec<f64> {
    aggregate(images, &AggregateOptions::default())
        .expect("aggregate")
        .tokens
        .iter()
        .map(|t| t.value_px)
        .collect()
}

#[test]
fn one_px_noise_around_4_merges_once_the_base_is_known() {
    let imgs = vec![
        vec![m(3.0), m(4.0), m(5.0), m(8.0), m(16.0)],
        vec![m(4.0), m(12.0), m(16.0), m(24.0)],
    ];
    assert_eq!(values(&imgs), [4.0, 8.0, 12.0, 16.0, 24.0]);
}

#[test]
fn distinct_small_steps_of_a_2_px_system_stay_apart() {
    let imgs = vec![vec![
        m(2.0),
        m(4.0),
        m(6.0),
        m(2.0),
        m(10.0),
        m(14.0),
        m(4.0),
    ]];
    let lib = aggregate(&imgs, &AggregateOptions::default()).expect("aggregate");
    // The base unit is never 2 px (a designer reads it as broken): 4, with half steps.
    assert_eq!(lib.statistics.base_unit, 4.0);
    let v: Vec<f64> = lib.tokens.iter().map(|t| t.value_px).collect();
    assert_eq!(v, [2.0, 4.0, 6.0, 10.0, 14.0]);
}

#[test]
fn values_within_the_threshold_merge_to_their_weighted_median() {
    // 100 and 107 are within 10 %; 100 occurs more, so it represents the token.
    let imgs = vec![vec![m(100.0), m(100.0), m(100.0), m(107.0)], vec![m(7.0)]];
    let lib = aggregate(&imgs, &AggregateOptions::default()).expect("aggregate");
    let big = lib
        .tokens
        .iter()
        .find(|t| t.value_px >= 99.0)
        .expect("big token");
    assert_eq!(big.value_px, 100.0);
    assert_eq!(big.occurrence_count, 4);
}

#[test]
fn a_stricter_threshold_keeps_them_apart() {
    let imgs = vec![vec![m(100.0), m(107.0)]];
    let opts = AggregateOptions {
        threshold: threshold(0.05),
        ..AggregateOptions::default()
    };
    let lib = aggregate(&imgs, &opts).expect("aggregate");
    assert_eq!(lib.tokens.len(), 2);
}

#[test]
fn support_counts_occurrences_and_distinct_images_and_hides_one_offs() {
    let imgs = vec![
        vec![m(16.0), m(16.0), m(8.0)],
        vec![m(16.0), m(8.0), m(40.0)],
        vec![m(16.0)],
    ];
    let opts = AggregateOptions {
        min_support: 2,
        ..AggregateOptions::default()
    };
    let lib = aggregate(&imgs, &opts).expect("aggregate");
    let t16 = lib.tokens.iter().find(|t| t.value_px == 16.0).expect("16");
    assert_eq!((t16.occurrence_count, t16.image_count), (4, 3));
    assert_eq!(
        t16.images
            .iter()
            .map(|u| (u.image, u.count))
            .collect::<Vec<_>>(),
        [(0, 2), (1, 1), (2, 1)]
    );
    assert!(
        lib.tokens.iter().all(|t| t.value_px != 40.0),
        "one-off hidden"
    );
    assert_eq!(lib.statistics.hidden_token_count, 1);
    assert_eq!(lib.statistics.image_count, 3);
    assert_eq!(lib.statistics.measurement_count, 7);
}

#[test]
fn provenance_keeps_each_box_and_confidence() {
    let b = BBox {
        x: 10,
        y: 20,
        w: 16,
        h: 40,
    };
    let imgs = vec![
        vec![],
        vec![Measurement::new(15.0, 0.5, SpacingType::Gap)
            .expect("valid")
            .with_bbox(b)
            .with_context("list gap")],
    ];
    let lib = aggregate(&imgs, &AggregateOptions::default()).expect("aggregate");
    let t = &lib.tokens[0];
    assert_eq!(t.occurrences.len(), 1);
    let o = t.occurrences[0];
    assert_eq!(
        (o.image, o.value_px, o.confidence, o.bbox),
        (1, 15.0, 0.5, Some(b))
    );
    assert_eq!(t.context, "list gap");
    assert_eq!(t.semantic_names.contextual, "list-gap");
    assert_eq!(t.component_usage, ["list"]);
    assert_eq!(t.spacing_type, SpacingType::Gap);
}

#[test]
fn statistics_describe_the_library() {
    let imgs = vec![vec![m(4.0), m(8.0), m(8.0), m(16.0), m(24.0), m(32.0)]];
    let s = aggregate(&imgs, &AggregateOptions::default())
        .expect("aggregate")
        .statistics;
    assert_eq!((s.token_count, s.min_px, s.max_px), (5, 4.0, 32.0));
    assert_eq!(s.mean_px, 16.8);
    assert_eq!(s.base_unit, 4.0);
    assert_eq!(s.rhythm, Rhythm::Consistent);
    assert_eq!(s.grid_compliant_ratio, 1.0);
    assert!((s.average_confidence - 0.9).abs() < 1e-9);
}

#[test]
fn mixed_roles_make_a_mixed_token_and_a_clear_majority_names_it() {
    let g = |v| Measurement::new(v, 1.0, SpacingType::Gap).expect("valid");
    let lib = aggregate(
        &[vec![m(8.0), g(8.0), m(16.0), m(16.0), m(16.0), g(16.0)]],
        &AggregateOptions::default(),
    )
    .expect("aggregate");
    assert_eq!(lib.tokens[0].spacing_type, SpacingType::Mixed);
    assert_eq!(lib.tokens[1].spacing_type, SpacingType::Padding);
}

#[test]
fn zero_is_its_own_none_token() {
    let lib = aggregate(
        &[vec![m(0.0), m(8.0), m(16.0)]],
        &AggregateOptions::default(),
    )
    .expect("aggregate");
    assert_eq!(lib.tokens[0].name, "0", "step 0, as Tailwind's spacing-0");
    assert_eq!(lib.tokens[0].semantic_names.t_shirt, "none");
    assert_eq!(lib.tokens[0].value_px, 0.0);
}

#[test]
fn very_large_values_are_kept_and_over_the_limit_rejected() {
    let lib = aggregate(
        &[vec![m(8.0), m(16.0), m(2400.0)]],
        &AggregateOptions::default(),
    )
    .expect("ok");
    assert_eq!(lib.tokens.last().map(|t| t.value_px), Some(2400.0));
    let bad = Measurement {
        value_px: 20_000.0,
        ..m(8.0)
    };
    let err = aggregate(
        &[vec![m(8.0)], vec![m(4.0), bad]],
        &AggregateOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        SpacingError::Measurement {
            image: 1,
            index: 1,
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        "image 1, measurement 1: spacing value 20000 px is larger than the 10000 px limit"
    );
}

#[test]
fn bad_options_are_refused() {
    // Refused where the options are made: an AggregateOptions cannot hold them.
    assert_eq!(
        MergeThreshold::new(1.5).unwrap_err(),
        SpacingError::Threshold(1.5)
    );
    assert!(RootPx::new(0.0).is_err());
}

#[test]
fn empty_input_gives_an_empty_library() {
    let lib = aggregate(&[], &AggregateOptions::default()).expect("ok");
    assert!(lib.tokens.is_empty());
    assert_eq!(lib.statistics.token_count, 0);
    assert_eq!(lib.statistics.min_px, 0.0);
}

#[test]
fn rem_follows_the_root_size_and_names_are_unique() {
    let opts = AggregateOptions {
        root_px: RootPx::new(10.0).expect("a root size"),
        ..AggregateOptions::default()
    };
    let lib = aggregate(&[vec![m(4.0), m(8.0), m(12.0), m(16.0), m(20.0)]], &opts).expect("ok");
    assert_eq!(lib.tokens[3].value_rem, 1.6);
    let mut names: Vec<&str> = lib.tokens.iter().map(|t| t.name.as_str()).collect();
    names.dedup();
    assert_eq!(names.len(), lib.tokens.len());
    assert_eq!(lib.tokens[3].name, "4", "16 px is step 4 (16 / 4 px)");
    assert_eq!(lib.tokens[3].related_to, ["3", "5"]);
    assert_eq!(lib.tokens[3].semantic_names.t_shirt, "md");
}

#[test]
fn progress_reports_every_phase_in_order() {
    let mut seen = Vec::new();
    aggregate_with_progress(
        &[vec![m(4.0)], vec![m(8.0)]],
        &AggregateOptions::default(),
        &mut |p| seen.push((p.phase, p.done, p.total)),
    )
    .expect("ok");
    assert_eq!(
        seen,
        [
            (AggregatePhase::Counting, 1, 2),
            (AggregatePhase::Counting, 2, 2),
            (AggregatePhase::Clustering, 0, 1),
            (AggregatePhase::Naming, 0, 2),
            (AggregatePhase::Done, 2, 2),
        ]
    );
}

#[test]
fn a_large_value_seen_only_beside_text_is_alignment_not_a_step() {
    // 64 px three times between text sides (centred or spread-out content), 48 px once between two
    // box edges: only the box-to-box value is evidence of a step at that size.
    let with = |v: f64, c: f64| Measurement::new(v, c, SpacingType::Gap).expect("valid");
    let mut image = vec![
        with(64.0, 0.7),
        with(64.0, 0.7),
        with(64.0, 0.7),
        with(48.0, 0.95),
    ];
    for _ in 0..4 {
        image.extend([with(8.0, 0.95), with(16.0, 0.95)]);
    }
    let options = AggregateOptions {
        threshold: threshold(0.0),
        min_evidence: 0.9,
        evidence_scale_px: 48.0,
        ..AggregateOptions::default()
    };
    let lib = aggregate(&[image], &options).expect("aggregate");
    let values: Vec<f64> = lib.tokens.iter().map(|t| t.value_px).collect();
    assert_eq!(values, [8.0, 16.0, 48.0]);
    assert_eq!(lib.statistics.hidden_token_count, 1);
}
