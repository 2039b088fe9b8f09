//! Fills a project with a large measured library, for measuring the app with real data sizes:
//! `cargo run -p copy-that-store --example seed -- DATA_DIR NAME TOKENS`.

use copy_that_spacing::{
    aggregate, build_library, AggregateOptions, BBox, Measurement, SpacingType,
};
use copy_that_store::{NewImage, NewJob, Store};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(name), Some(n)) = (args.get(1), args.get(2), args.get(3)) else {
        return Err("usage: seed DATA_DIR NAME TOKENS".into());
    };
    let n: u32 = n.parse()?;
    let store = Store::open_dir(std::path::Path::new(dir)).await?;
    let project = store.ensure_project(name).await?;
    let mut seeded: Vec<Vec<Measurement>> = Vec::new();
    for i in 0..4u32 {
        let image = NewImage {
            content_hash: format!("seed-{i}"),
            file_name: format!("screen-{i}.png"),
            width: 1280,
            height: 800,
            dpr: 1.0,
            dpr_source: "default".into(),
            thumbnail: Vec::new(),
            source_path: None,
            copy: None,
        };
        let (id, _) = store.add_image(project.id, &image).await?;
        // Every value 4 px apart, three times each, spread over the images.
        let measurements: Vec<Measurement> = (1..=n.min(2500))
            .flat_map(|k| std::iter::repeat_n(f64::from(k) * 4.0, 3))
            .enumerate()
            .filter(|(j, _)| *j as u32 % 4 == i)
            .map(|(j, v)| Measurement {
                bbox: Some(BBox {
                    x: j as u32 % 1200,
                    y: (j as u32 / 7) % 760,
                    w: 40,
                    h: 20,
                }),
                ..Measurement::new(v, 0.9, SpacingType::Padding).expect("valid value")
            })
            .collect();
        store
            .record_job(
                project.id,
                id,
                &NewJob {
                    source: "seed".into(),
                    model: String::new(),
                    measurements: measurements.clone(),
                    elapsed_ms: 0.0,
                    error: None,
                },
            )
            .await?;
        seeded.push(measurements);
    }
    let project = store.project(name).await?;
    let images = store.images(project.id).await?;
    let edits = store.edits(project.id).await?;
    let lib = build_library(&seeded, &[], &edits, project.threshold, project.root_px)?;
    store.save_library(&project, &images, &lib).await?;
    // Building applies the default evidence rules; save every value as a token instead. Past
    // 2,500 tokens the values no longer fit the 10,000 px range 4 px apart: build them one by one.
    let lib = if n > 2500 {
        let mut lib = lib;
        lib.tokens = (1..=n)
            .map(|k| {
                let mut t = copy_that_spacing::SpacingToken::new(
                    f64::from(k) * 0.25,
                    0.9,
                    SpacingType::Padding,
                )?;
                t.name = format!("t-{k}");
                Ok(t)
            })
            .collect::<Result<_, copy_that_spacing::SpacingError>>()?;
        lib.statistics.token_count = n;
        store
            .save_library(&project, &store.images(project.id).await?, &lib)
            .await?;
        lib
    } else if (lib.tokens.len() as u32) < n {
        let per_image: Vec<Vec<Measurement>> = (0..4u32)
            .map(|i| {
                (1..=n)
                    .filter(|k| k % 4 == i)
                    .map(|k| Measurement::new(f64::from(k) * 4.0, 0.9, SpacingType::Padding))
                    .collect::<Result<_, _>>()
            })
            .collect::<Result<_, _>>()?;
        let options = AggregateOptions {
            threshold: copy_that_spacing::MergeThreshold::ZERO,
            min_evidence: 0.0,
            evidence_scale_px: 0.0,
            ..AggregateOptions::default()
        };
        let lib = aggregate(&per_image, &options)?;
        store
            .save_library(&project, &store.images(project.id).await?, &lib)
            .await?;
        lib
    } else {
        lib
    };
    // Reopen it on the app's next launch (the settings' other fields keep their defaults).
    store
        .put_setting("settings", &serde_json::json!({ "lastProject": name }))
        .await?;
    println!("{} tokens in {name}", lib.tokens.len());
    store.close().await;
    Ok(())
}
