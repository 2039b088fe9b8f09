//! Opening a project with 10,000 tokens and 500 images and loading its library; recording a
//! 100-image batch.

use std::sync::atomic::{AtomicU64, Ordering};

use copy_that_spacing::{aggregate, AggregateOptions, BBox, Measurement, Occurrence, SpacingType};
use copy_that_store::{NewImage, NewJob, Store};
use criterion::{criterion_group, criterion_main, Criterion};

fn image(hash: String) -> NewImage {
    NewImage {
        content_hash: hash,
        file_name: "shot.png".into(),
        width: 1280,
        height: 800,
        dpr: 1.0,
        dpr_source: "default".into(),
        thumbnail: vec![0; 4096],
        source_path: None,
        copy: None,
    }
}

fn measurements(n: usize) -> Vec<Measurement> {
    (0..n)
        .map(|i| Measurement {
            value_px: f64::from((i % 12) as u32 * 4 + 4),
            confidence: 0.9,
            spacing_type: SpacingType::Padding,
            context: Some("card padding".into()),
            bbox: Some(BBox {
                x: i as u32,
                y: 10,
                w: 8,
                h: 8,
            }),
            design_intent: None,
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.db");

    // A project of 500 images and a library of 10,000 tokens, 3 sources each.
    rt.block_on(async {
        let store = Store::open(&path).await.expect("open");
        let p = store.create_project("big").await.expect("project");
        for i in 0..500 {
            store
                .add_image(p.id, &image(format!("img-{i}")))
                .await
                .expect("image");
        }
        let images = store.images(p.id).await.expect("images");
        let seed = aggregate(&[measurements(1)], &AggregateOptions::default()).expect("seed");
        let template = seed.tokens[0].clone();
        let mut library = seed.clone();
        library.tokens = (0..10_000u32)
            .map(|i| {
                let mut t = template.clone();
                t.value_px = f64::from(i);
                t.name = format!("token-{i}");
                t.occurrences = (0..3)
                    .map(|k| Occurrence {
                        image: (i * 3 + k) % images.len() as u32,
                        value_px: f64::from(i),
                        confidence: 0.9,
                        spacing_type: SpacingType::Gap,
                        bbox: Some(BBox {
                            x: k,
                            y: 1,
                            w: 2,
                            h: 3,
                        }),
                    })
                    .collect();
                t
            })
            .collect();
        let p = store.project("big").await.expect("p");
        store
            .save_library(&p, &images, &library)
            .await
            .expect("save");
        store.close().await;
    });

    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    group.bench_function("open + load 10k tokens / 500 images", |b| {
        b.iter(|| {
            rt.block_on(async {
                let store = Store::open(&path).await.expect("open");
                let lib = store.load_library("big").await.expect("load");
                assert_eq!(lib.library.tokens.len(), 10_000);
                store.close().await;
            })
        })
    });

    let store = rt.block_on(Store::open(&path)).expect("open");
    let project = rt
        .block_on(store.ensure_project("batches"))
        .expect("project");
    let counter = AtomicU64::new(0);
    let job = NewJob {
        source: "local".into(),
        model: String::new(),
        measurements: measurements(200),
        elapsed_ms: 5.0,
        error: None,
    };
    group.bench_function("record 100 images x 200 measurements", |b| {
        b.iter(|| {
            rt.block_on(async {
                for _ in 0..100 {
                    let n = counter.fetch_add(1, Ordering::Relaxed);
                    let (img, _) = store
                        .add_image(project.id, &image(format!("b-{n}")))
                        .await
                        .expect("img");
                    store.record_job(project.id, img, &job).await.expect("job");
                }
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
