//! Aggregating 10k, 100k and 1M measurements spread over 1000 images.

use copy_that_spacing::{aggregate, AggregateOptions, Measurement, SpacingType};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn batch(n: usize) -> Vec<Vec<Measurement>> {
    let scale = [4.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0];
    let mut state = 7u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        state >> 33
    };
    let images = 1000;
    (0..images)
        .map(|_| {
            (0..n / images)
                .map(|_| {
                    let v = scale[(next() % 8) as usize] + (next() % 3) as f64 - 1.0;
                    let c = 0.5 + (next() % 50) as f64 / 100.0;
                    Measurement::new(v, c, SpacingType::Padding).expect("valid")
                })
                .collect()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("aggregate");
    group.sample_size(20);
    for n in [10_000usize, 100_000, 1_000_000] {
        let images = batch(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &images, |b, images| {
            b.iter(|| aggregate(images, &AggregateOptions::default()).expect("aggregate"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
