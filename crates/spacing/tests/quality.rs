//! A known scale, measured noisily across 100 images, must aggregate back to exactly that scale.

use copy_that_spacing::{aggregate, AggregateOptions, Measurement, SpacingType};

/// A small deterministic generator, so the test is reproducible without a seed file.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn noisy_measurements_of_a_4_px_scale_aggregate_back_to_it() {
    let scale = [4.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0];
    let mut rng = Lcg(42);
    let mut images = Vec::new();
    for _ in 0..100 {
        let mut image = Vec::new();
        for _ in 0..30 {
            let v = scale[rng.below(scale.len() as u64) as usize];
            let jitter = rng.below(3) as f64 - 1.0; // ±1 px
            let conf = 0.6 + rng.below(40) as f64 / 100.0;
            image.push(Measurement::new(v + jitter, conf, SpacingType::Padding).expect("valid"));
        }
        // A few outliers: off-scale values a detector might pick up, each seen rarely.
        if rng.below(10) == 0 {
            let outlier = [37.0, 90.0, 150.0][rng.below(3) as usize];
            image.push(Measurement::new(outlier, 0.3, SpacingType::Gap).expect("valid"));
        }
        images.push(image);
    }
    let opts = AggregateOptions {
        min_support: 20,
        ..AggregateOptions::default()
    };
    let lib = aggregate(&images, &opts).expect("aggregate");
    let got: Vec<f64> = lib.tokens.iter().map(|t| t.value_px).collect();
    assert_eq!(got, scale);
    assert_eq!(lib.statistics.base_unit, 4.0);
    assert!(lib.statistics.base_unit_confidence > 0.8);
    let names: Vec<&str> = lib.tokens.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["1", "2", "3", "4", "6", "8", "12", "16"]);
    let sizes: Vec<&str> = lib
        .tokens
        .iter()
        .map(|t| t.semantic_names.t_shirt.as_str())
        .collect();
    assert_eq!(sizes, ["2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"]);
    assert!(lib.tokens.iter().all(|t| t.image_count > 50));
}
