//! The bad-input corpus (tests/bad_inputs) through the app's add-images path: `run_batch` into a
//! project, which the desktop's `start_extraction` calls, and the same batch saving nothing. Each
//! file alone, with the outcome it must have in the words the app shows (a failed image's reason
//! or a skipped file's); never a panic, never a hang (each batch has a deadline).
//!
//! The unreadable file is read here by whoever runs the tests: as root, permissions do not stop
//! it and it is measured; any other user gets the refusal. The CLI's corpus test runs it as
//! `nobody` to see the refusal either way.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use copy_that_bad_inputs::{build, running_as_root, Case, Expect};
use copy_that_pipeline::{run, run_batch, Batch, BatchSummary, ExtractEvent, Settings, Target};
use copy_that_store::Store;
use tokio_util::sync::CancellationToken;

/// Far longer than any case takes in a debug build on a loaded machine (the largest raster takes
/// about 12 s): past it, the batch counts as a hang.
const DEADLINE: Duration = Duration::from_secs(300);

type Log = Arc<Mutex<Vec<ExtractEvent>>>;

fn collector() -> (Log, copy_that_pipeline::run::Emit) {
    let log: Log = Arc::default();
    let sink = log.clone();
    (log, Arc::new(move |e| sink.lock().expect("log").push(e)))
}

/// The reasons the batch gave: failed images' and skipped files'.
fn reasons(log: &Log) -> (Vec<String>, Vec<String>) {
    let mut failed = Vec::new();
    let mut skipped = Vec::new();
    for e in log.lock().expect("log").iter() {
        match e {
            ExtractEvent::Failed { reason, .. } => failed.push(reason.clone()),
            ExtractEvent::Queued { skipped: s, .. } => {
                skipped.extend(s.iter().map(|s| s.reason.clone()))
            }
            _ => {}
        }
    }
    (failed, skipped)
}

fn check(case: &Case, expect: &Expect, summary: &BatchSummary, log: &Log, mode: &str) {
    let label = format!("{} ({mode})", case.label);
    let (failed, skipped) = reasons(log);
    let counts = (summary.saved, summary.failed, summary.skipped);
    match expect {
        Expect::Measured => assert_eq!(counts, (1, 0, 0), "{label}: {failed:?} {skipped:?}"),
        Expect::Failed(why) => {
            assert_eq!(counts, (0, 1, 0), "{label}: {skipped:?}");
            assert!(
                failed[0].contains(why),
                "{label}: wanted {why:?} in {failed:?}"
            );
        }
        Expect::Skipped(why) => {
            assert_eq!(counts, (0, 0, 1), "{label}: {failed:?}");
            assert!(
                skipped[0].contains(why),
                "{label}: wanted {why:?} in {skipped:?}"
            );
        }
        Expect::NoImages => assert_eq!(counts, (0, 0, 0), "{label}"),
    }
    assert!(
        matches!(
            log.lock().expect("log").last(),
            Some(ExtractEvent::Finished { .. })
        ),
        "{label}: the batch ended without its summary"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_input_through_the_apps_add_images_path() {
    let root = tempfile::tempdir().expect("tempdir");
    let corpus = root.path().join("corpus");
    std::fs::create_dir(&corpus).expect("dir");
    let cases = build(&corpus);
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let store = Store::open_dir(&root.path().join("data"))
        .await
        .expect("open");
    store.create_project("Drops").await.expect("project");
    let settings = Settings::default();
    let as_root = running_as_root();

    for case in &cases {
        // Root reads a file whatever its permissions (see the module's note).
        let expect = if case.unreadable && as_root {
            Expect::Measured
        } else {
            case.expect.clone()
        };
        let paths: Vec<PathBuf> = vec![case.path.clone()];

        let (log, emit) = collector();
        let summary = tokio::time::timeout(
            DEADLINE,
            run_batch(
                &store,
                "Drops",
                &paths,
                &settings,
                None,
                &CancellationToken::new(),
                emit,
            ),
        )
        .await
        .unwrap_or_else(|_| panic!("{}: the batch hung", case.label))
        .unwrap_or_else(|e| panic!("{}: the batch stopped: {e}", case.label));
        check(case, &expect, &summary, &log, "project");

        let (log, emit) = collector();
        let batch = Batch {
            paths: &paths,
            target: Target::Memory {
                threshold: settings.threshold,
                root_px: settings.root_px,
            },
            settings: &settings,
            client: None,
            dpr: copy_that_measure::Dpr::Auto,
        };
        let finished = tokio::time::timeout(DEADLINE, run(batch, &CancellationToken::new(), emit))
            .await
            .unwrap_or_else(|_| panic!("{}: the batch hung", case.label))
            .unwrap_or_else(|e| panic!("{}: the batch stopped: {e}", case.label));
        check(case, &expect, &finished.summary, &log, "memory");
    }

    // Every measured file is in the project, and what it holds reads back whole.
    let stored = store.load_library("Drops").await.expect("load");
    assert!(!stored.images.is_empty());
    assert!(stored.images.len() <= cases.len());
}
