//! Soak: N distinct 1280×800 screenshots (500 by default) through the local engine alone, then
//! through the app's batch into a project, sampling the process's resident memory and open file
//! descriptors as it goes. docs/RELIABILITY.md reports a run.
//!
//!   cargo run --release -p copy-that-pipeline --example soak [N]
//!
//! Exits non-zero when the engine's memory is not flat after warm-up (the last sample more than
//! 64 MB above the one at a fifth of the run), when five batches into five projects do not end
//! where the second ended (memory not given back), or when file descriptors grow after warm-up.
//! One project's own growth (its values and library) is reported per 100 images.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use copy_that_measure::Dpr;
use copy_that_pipeline::{run_batch, ExtractEvent, ImagePhase, Settings};
use copy_that_store::Store;
use tokio_util::sync::CancellationToken;

fn rss_mb() -> f64 {
    copy_that_bad_inputs::memory::status_kb("VmRSS:") as f64 / 1024.0
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map_or(0, |d| d.count())
}

/// (images done, RSS MB, open descriptors)
type Samples = Vec<(usize, f64, usize)>;

fn verdict(name: &str, samples: &Samples, fds_at_start: usize) -> bool {
    let every = (samples.len() / 10).max(1);
    for s in samples.iter().step_by(every).chain(samples.last()) {
        println!(
            "{name}: {:>4} images  RSS {:>7.1} MB  fds {}",
            s.0, s.1, s.2
        );
    }
    let warm = samples[samples.len() / 5].1;
    let peak = samples.iter().map(|s| s.1).fold(0.0, f64::max);
    let last = samples.last().copied().unwrap_or_default();
    let flat = last.1 - warm <= 64.0;
    let no_leak = last.2 <= fds_at_start;
    println!(
        "{name}: RSS after warm-up {warm:.1} MB, peak {peak:.1} MB, last {:.1} MB ({}); fds {} at start, {} at end ({})",
        last.1,
        if flat { "flat" } else { "GROWING" },
        fds_at_start,
        last.2,
        if no_leak { "no leak" } else { "LEAK" }
    );
    flat && no_leak
}

/// One batch of a folder into a new project, sampled every 10 saved images.
async fn batch(
    store: &Store,
    project: &str,
    folder: PathBuf,
) -> (Samples, copy_that_pipeline::BatchSummary, f64) {
    store.create_project(project).await.expect("project");
    let samples: Arc<Mutex<Samples>> = Arc::default();
    let sink = samples.clone();
    let saved = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let emit: copy_that_pipeline::run::Emit = Arc::new(move |e| {
        if let ExtractEvent::Phase {
            phase: ImagePhase::Saved,
            ..
        } = e
        {
            let done = saved.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            if done.is_multiple_of(10) {
                sink.lock()
                    .expect("samples")
                    .push((done, rss_mb(), open_fds()));
            }
        }
    });
    let started = Instant::now();
    let summary = run_batch(
        store,
        project,
        &[folder],
        &Settings::default(),
        None,
        &CancellationToken::new(),
        emit,
    )
    .await
    .expect("batch");
    let samples = samples.lock().expect("samples").clone();
    (samples, summary, started.elapsed().as_secs_f64())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(500);
    let dir = tempfile::tempdir().expect("tempdir");
    let shots = dir.path().join("shots");
    std::fs::create_dir(&shots).expect("dir");
    let paths: Vec<PathBuf> = (0..n)
        .map(|i| {
            let p = shots.join(format!("s{i:04}.png"));
            std::fs::write(&p, copy_that_bad_inputs::numbered_page(1280, 800, i)).expect("write");
            p
        })
        .collect();

    // The local engine alone: decode and measure each file, keep nothing.
    let fds0 = open_fds();
    let started = Instant::now();
    let mut engine: Samples = Vec::new();
    for (i, p) in paths.iter().enumerate() {
        let e = copy_that_measure::extract_file(p, Dpr::Auto).expect("measure");
        assert!(!e.measurements.is_empty());
        if i % 10 == 9 {
            engine.push((i + 1, rss_mb(), open_fds()));
        }
    }
    println!(
        "engine: {n} images in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let engine_ok = verdict("engine", &engine, fds0);

    // The app's batch (run_batch, what the add-images command runs) into one project. The
    // project's own data grows with it (each image's values, kept for rebuilds, and the library's
    // occurrences): reported per 100 images, not judged flat.
    let store = Store::open_dir(&dir.path().join("data"))
        .await
        .expect("store");
    let (one, summary, secs) = batch(&store, "Soak", shots.clone()).await;
    println!(
        "batch: {} saved, {} failed in {secs:.1} s",
        summary.saved, summary.failed
    );
    let every = (one.len() / 10).max(1);
    for s in one.iter().step_by(every).chain(one.last()) {
        println!("batch: {:>4} images  RSS {:>7.1} MB  fds {}", s.0, s.1, s.2);
    }
    let warm = one[one.len() / 5];
    let last = one.last().copied().unwrap_or_default();
    let per_100 = (last.1 - warm.1) / ((last.0 - warm.0) as f64 / 100.0);
    let fds_flat = last.2 <= warm.2;
    println!(
        "batch: the project's data grows RSS by {per_100:.1} MB per 100 images after warm-up; fds {} after warm-up, {} at the end ({})",
        warm.2,
        last.2,
        if fds_flat { "no leak" } else { "LEAK" }
    );
    store.close().await;

    // Memory the batch does not give back: five batches of a fifth of the images, each into a
    // project of its own, in one process. After the first, each ends where the last one did.
    let store = Store::open_dir(&dir.path().join("data2"))
        .await
        .expect("store");
    let mut ends = Vec::new();
    for round in 0..5 {
        let part = dir.path().join(format!("part{round}"));
        std::fs::create_dir(&part).expect("dir");
        for p in paths
            .iter()
            .skip(round * paths.len() / 5)
            .take(paths.len() / 5)
        {
            std::fs::rename(p, part.join(p.file_name().expect("name"))).expect("move");
        }
        let (_, _, _) = batch(&store, &format!("Part {round}"), part).await;
        let end = (rss_mb(), open_fds());
        println!(
            "batches: project {} of 5 done  RSS {:>7.1} MB  fds {}",
            round + 1,
            end.0,
            end.1
        );
        ends.push(end);
    }
    let rounds_flat = ends[4].0 - ends[1].0 <= 32.0 && ends[4].1 <= ends[1].1;
    println!(
        "batches: RSS {:.1} MB after the second, {:.1} MB after the fifth ({})",
        ends[1].0,
        ends[4].0,
        if rounds_flat { "flat" } else { "GROWING" }
    );
    store.close().await;
    let batch_ok = summary.saved == n && fds_flat && rounds_flat;
    if !(engine_ok && batch_ok) {
        std::process::exit(1);
    }
}
