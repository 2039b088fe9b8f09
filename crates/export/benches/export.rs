//! Every format for a 1,000-token library.

use copy_that_export::{generate, ExportOptions, FORMATS};
use copy_that_spacing::{aggregate, AggregateOptions, Measurement, SpacingType};
use criterion::{criterion_group, criterion_main, Criterion};

fn library() -> copy_that_spacing::SpacingLibrary {
    let seed = aggregate(
        &[vec![Measurement::new(16.0, 0.9, SpacingType::Padding)
            .expect("valid")
            .with_context("card padding")]],
        &AggregateOptions::default(),
    )
    .expect("seed");
    let mut lib = seed.clone();
    lib.tokens = (0..1000u32)
        .map(|i| {
            let mut t = seed.tokens[0].clone();
            t.value_px = f64::from(i + 1);
            t.name = format!("token-{i}");
            t.semantic_names.contextual = format!("context-{i}");
            t
        })
        .collect();
    lib
}

fn bench(c: &mut Criterion) {
    let lib = library();
    let opts = ExportOptions::default();
    c.bench_function("all formats, 1000 tokens", |b| {
        b.iter(|| {
            FORMATS
                .iter()
                .map(|f| generate(f.name, &lib, &opts).expect("generate").len())
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
