//! Soak: the app's batch cancelled at fifty different points, each time into the same project.
//! Whatever was said to be saved is kept, nothing is half there, and the library shown is built
//! from every image the project holds.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use copy_that_pipeline::{load_library, run_batch, ExtractEvent, ImagePhase, Settings};
use copy_that_store::Store;
use tokio_util::sync::CancellationToken;

const ROUNDS: u32 = 50;
const PER_BATCH: u32 = 4;

/// The indexes of a batch's saved images.
#[derive(Default)]
struct Seen {
    saved: Vec<u32>,
}

#[tokio::test]
async fn fifty_cancels_at_varied_points_leave_the_project_consistent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(&dir.path().join("data"))
        .await
        .expect("open");
    store.create_project("Soak").await.expect("project");
    let settings = Settings::default();
    let mut kept_before = 0usize;
    let mut points = Vec::new();
    for round in 0..ROUNDS {
        let batch = dir.path().join(format!("batch{round:02}"));
        std::fs::create_dir(&batch).expect("dir");
        for i in 0..PER_BATCH {
            let n = round * PER_BATCH + i;
            let bytes = copy_that_bad_inputs::numbered_page(640, 400, n);
            std::fs::write(batch.join(format!("s{i}.png")), bytes).expect("write");
        }
        // Cancel after the k-th event, k spread over a whole batch (about 30 events) by a
        // multiplicative step, so the points cover queueing, measuring, saving and merging.
        let k = 1 + (round * 17) % 36;
        points.push(k);
        let cancel = CancellationToken::new();
        let trigger = cancel.clone();
        let seen = Arc::new(Mutex::new(Seen::default()));
        let sink = seen.clone();
        let count = Arc::new(AtomicU32::new(0));
        let emit: copy_that_pipeline::run::Emit = Arc::new(move |e| {
            if count.fetch_add(1, Ordering::SeqCst) + 1 == k {
                trigger.cancel();
            }
            if let ExtractEvent::Phase {
                index,
                phase: ImagePhase::Saved,
            } = e
            {
                sink.lock().expect("seen").saved.push(index);
            }
        });
        let summary = run_batch(&store, "Soak", &[batch], &settings, None, &cancel, emit)
            .await
            .unwrap_or_else(|e| panic!("round {round} (cancel after event {k}): {e}"));
        let saved = seen.lock().expect("seen").saved.len();
        assert_eq!(summary.saved as usize, saved, "round {round}");
        assert_eq!(
            summary.saved + summary.cancelled + summary.failed,
            PER_BATCH,
            "round {round}: {summary:?}"
        );

        // Consistent: no orphan rows, every image has the job that measured it, the library is
        // built from every image, and nothing said saved (now or before) is gone.
        assert_eq!(
            store.orphan_rows().await.expect("orphans"),
            0,
            "round {round}"
        );
        let p = store.project("Soak").await.expect("project");
        let images = store.images(p.id).await.expect("images");
        let latest = store.latest_jobs(p.id).await.expect("jobs");
        assert_eq!(
            latest.len(),
            images.len(),
            "round {round}: an image without its job"
        );
        assert_eq!(images.len(), kept_before + saved, "round {round}");
        let stored = load_library(&store, "Soak").await.expect("load");
        assert_eq!(
            stored.library.statistics.image_count as usize,
            images.len(),
            "round {round}: the library misses images"
        );
        assert!(store.library_is_current(p.id).await.expect("current"));
        kept_before = images.len();
    }
    // The cancel points reached every stage: some batches kept nothing, some kept all.
    assert!(points.iter().any(|&k| k <= 2) && points.iter().any(|&k| k >= 30));
    println!("{ROUNDS} cancels at events {points:?}: {kept_before} images kept, all consistent");
}
