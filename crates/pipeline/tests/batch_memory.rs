//! A batch's memory for pixels is bounded by how many images it measures at once, not by how many
//! it holds: twelve 12-megapixel screenshots at two at a time peak at no more than three times one
//! alone. The pages are sparse (six cards), so what is measured is the images' buffers: a
//! project's library also grows with every measurement it keeps (docs/RELIABILITY.md).
//! Peak memory is read from the kernel (VmHWM after resetting it through /proc/self/clear_refs),
//! so this file holds one test: other tests running beside it would move the high-water mark.

#![cfg(target_os = "linux")]

use std::path::PathBuf;
use std::sync::Arc;

use copy_that_bad_inputs::memory::PeakWatch;
use copy_that_pipeline::{run_batch, Settings};
use copy_that_store::Store;
use tokio_util::sync::CancellationToken;

/// How far resident memory rose above where it stood while `paths` went through the app's batch.
async fn peak_growth_kb(store: &Store, paths: &[PathBuf], settings: &Settings) -> u64 {
    let watch = PeakWatch::start();
    let summary = run_batch(
        store,
        "Big",
        paths,
        settings,
        None,
        &CancellationToken::new(),
        Arc::new(|_| {}),
    )
    .await
    .expect("batch");
    assert_eq!(summary.saved as usize, paths.len(), "{summary:?}");
    watch.grown_kb()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twelve_large_images_at_two_at_a_time_peak_near_two_images_not_twelve() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 4096×3072: the raster (50 MB) and the decoded RGB image (38 MB) are each above the
    // allocator's largest heap size (32 MB), so both go back to the system when freed and the
    // high-water mark tells what was alive at once.
    let png = copy_that_bad_inputs::png(&copy_that_bad_inputs::sparse_page(4096, 3072));
    let paths: Vec<PathBuf> = (0..13)
        .map(|i| {
            let path = dir.path().join(format!("shot-{i:02}.png"));
            // A byte after IEND makes each file its own image (the store keeps one per content).
            let mut bytes = png.clone();
            bytes.push(i as u8);
            std::fs::write(&path, bytes).expect("write");
            path
        })
        .collect();
    let store = Store::open_dir(&dir.path().join("data"))
        .await
        .expect("open");
    store.create_project("Big").await.expect("project");
    let settings = Settings {
        concurrency: copy_that_pipeline::Concurrency::new(2).expect("2 images at once"),
        ..Settings::default()
    };
    let one = peak_growth_kb(&store, &paths[..1], &settings).await;
    let twelve = peak_growth_kb(&store, &paths[1..], &settings).await;
    println!(
        "one 4096×3072 image: +{} MB; twelve at concurrency 2: +{} MB",
        one / 1024,
        twelve / 1024
    );
    assert!(
        one > 40 * 1024,
        "one image grew memory by only {} MB",
        one / 1024
    );
    assert!(
        twelve <= one * 3,
        "twelve images at two at a time grew memory by {} MB, one alone by {} MB",
        twelve / 1024,
        one / 1024
    );
}
