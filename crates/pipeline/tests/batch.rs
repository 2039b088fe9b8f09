//! Batches on real files and a real project database: phases in order, bad files reported without
//! stopping the rest, cancellation keeping what finished, AI failures in hybrid runs.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use copy_that_ai::{AiClient, ApiKey, ClientConfig, EngineKind, Provider, RetryPolicy};
use copy_that_pipeline::{run_batch, BatchSummary, ExtractEvent, ImagePhase, Settings};
use copy_that_store::Store;
use tokio_util::sync::CancellationToken;

fn screens() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/screens")
}

type Log = Arc<Mutex<Vec<ExtractEvent>>>;

fn collector() -> (Log, copy_that_pipeline::run::Emit) {
    let log: Log = Arc::default();
    let sink = log.clone();
    (log, Arc::new(move |e| sink.lock().expect("log").push(e)))
}

/// A batch with the default settings and no AI, its events dropped: what a test runs when only
/// the stored outcome matters.
async fn plain_batch(store: &Store, project: &str, paths: &[PathBuf]) -> BatchSummary {
    let (_, emit) = collector();
    run_batch(
        store,
        project,
        paths,
        &Settings::default(),
        None,
        &CancellationToken::new(),
        emit,
    )
    .await
    .expect("batch")
}

fn phases(log: &Log, index: u32) -> Vec<ImagePhase> {
    log.lock()
        .expect("log")
        .iter()
        .filter_map(|e| match e {
            ExtractEvent::Phase { index: i, phase } if *i == index => Some(*phase),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_batch_measures_saves_and_merges_with_every_phase_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("drop");
    std::fs::create_dir(&bad).expect("dir");
    std::fs::write(bad.join("notes.txt"), "hello").expect("write");
    std::fs::write(bad.join("broken.png"), b"\x89PNG\r\n\x1a\n\0\0").expect("write");
    std::fs::copy(screens().join("dashboard.png"), bad.join("dashboard.png")).expect("copy");

    let store = Store::open_dir(&dir.path().join("data"))
        .await
        .expect("open");
    store.create_project("Shots").await.expect("project");
    let (log, emit) = collector();
    let summary = run_batch(
        &store,
        "Shots",
        &[bad.clone(), screens().join("settings.png")],
        &Settings::default(),
        None,
        &CancellationToken::new(),
        emit,
    )
    .await
    .expect("batch");
    assert_eq!((summary.saved, summary.failed, summary.skipped), (2, 1, 1));

    let events = log.lock().expect("log").clone();
    let ExtractEvent::Queued { images, skipped } = &events[0] else {
        panic!("first event is the queue: {:?}", events[0]);
    };
    let names: Vec<&str> = images.iter().map(|i| i.file_name.as_str()).collect();
    assert_eq!(names, ["broken.png", "dashboard.png", "settings.png"]);
    assert_eq!(skipped[0].file_name, "notes.txt");
    let failed: Vec<&ExtractEvent> = events
        .iter()
        .filter(|e| matches!(e, ExtractEvent::Failed { .. }))
        .collect();
    assert!(
        matches!(failed[..], [ExtractEvent::Failed { index: 0, reason }] if reason.contains("truncated")),
        "{failed:?}"
    );
    use ImagePhase::*;
    for i in [1, 2] {
        assert_eq!(
            phases(&log, i),
            [Decoding, Measuring, Naming, Aggregating, Saved]
        );
    }
    let Some(ExtractEvent::Finished { .. }) = events.last() else {
        panic!("last event is the summary");
    };
    let Some(ExtractEvent::Library { library }) = events
        .iter()
        .rev()
        .find(|e| matches!(e, ExtractEvent::Library { .. }))
    else {
        panic!("a library was published");
    };
    let values: Vec<f64> = library.library.tokens.iter().map(|t| t.value_px).collect();
    for v in [8.0, 16.0, 24.0, 32.0] {
        assert!(values.contains(&v), "{v} in {values:?}");
    }
    assert_eq!(library.images.len(), 2);
    assert!(library.images.iter().all(|i| i.source_path.is_some()));

    // What the batch saved is what the database holds.
    let stored = store.load_library("Shots").await.expect("load");
    assert_eq!(stored.library.tokens, library.library.tokens);
    assert!(!store
        .thumbnail(stored.images[0].id)
        .await
        .expect("thumb")
        .is_empty());
}

#[tokio::test]
async fn cancelling_keeps_what_finished_and_starts_nothing_new() {
    let dir = tempfile::tempdir().expect("tempdir");
    let many = dir.path().join("many");
    std::fs::create_dir(&many).expect("dir");
    for i in 0..12 {
        // Same bytes under twelve names: twelve jobs, one image (the store dedups by content).
        std::fs::copy(
            screens().join("dashboard.png"),
            many.join(format!("s{i:02}.png")),
        )
        .expect("copy");
    }
    let store = Store::open_dir(&dir.path().join("data"))
        .await
        .expect("open");
    store.create_project("Cancel").await.expect("project");
    let cancel = CancellationToken::new();
    let log: Log = Arc::default();
    let sink = log.clone();
    let trigger = cancel.clone();
    // Cancel as soon as the first image is saved.
    let emit: copy_that_pipeline::run::Emit = Arc::new(move |e| {
        if matches!(
            e,
            ExtractEvent::Phase {
                phase: ImagePhase::Saved,
                ..
            }
        ) {
            trigger.cancel();
        }
        sink.lock().expect("log").push(e);
    });
    let settings = Settings {
        concurrency: copy_that_pipeline::Concurrency::new(1).expect("1 image at once"),
        ..Settings::default()
    };
    let summary = run_batch(&store, "Cancel", &[many], &settings, None, &cancel, emit)
        .await
        .expect("batch");
    assert!(summary.saved >= 1, "{summary:?}");
    assert!(summary.cancelled >= 1, "{summary:?}");
    assert_eq!(summary.saved + summary.cancelled + summary.failed, 12);
    let stored = store.load_library("Cancel").await.expect("load");
    assert!(!stored.library.tokens.is_empty(), "what finished is kept");
}

#[tokio::test]
async fn a_hybrid_run_keeps_measured_values_when_the_model_is_unreachable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    store.create_project("Offline").await.expect("project");
    // Nothing listens on port 9 here: a dead network, failing at once.
    let mut cfg = ClientConfig::new(Provider::OpenaiCompatible, Some(ApiKey::new("k")));
    cfg.base_url = "http://127.0.0.1:9/v1".into();
    cfg.retry = RetryPolicy {
        max_attempts: 1,
        ..RetryPolicy::default()
    };
    let client = AiClient::new(cfg).expect("client");
    let settings = Settings {
        engine: EngineKind::Hybrid,
        hybrid_with: Provider::OpenaiCompatible,
        ..Settings::default()
    };
    let (log, emit) = collector();
    let summary = run_batch(
        &store,
        "Offline",
        &[screens().join("settings.png")],
        &settings,
        Some(client),
        &CancellationToken::new(),
        emit,
    )
    .await
    .expect("batch");
    assert_eq!(summary.saved, 1);
    let events = log.lock().expect("log").clone();
    assert!(events.iter().any(|e| matches!(e,
        ExtractEvent::Failed { reason, .. } if reason.contains("could not reach") && reason.contains("kept the measured values"))),
        "{events:?}");
    let lib = store.load_library("Offline").await.expect("load").library;
    assert!(lib.tokens.iter().any(|t| t.value_px == 16.0));
}

#[tokio::test]
async fn an_unknown_project_stops_the_batch_with_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let (_, emit) = collector();
    let err = run_batch(
        &store,
        "Nope",
        &[],
        &Settings::default(),
        None,
        &CancellationToken::new(),
        emit,
    )
    .await
    .unwrap_err();
    assert_eq!(err.to_string(), "no project named \"Nope\"");
}

#[tokio::test]
async fn a_batch_without_a_project_saves_nothing_and_merges_what_a_project_would() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = [
        screens().join("dashboard.png"),
        screens().join("settings.png"),
    ];
    let store = Store::open_dir(&dir.path().join("data"))
        .await
        .expect("open");
    store.create_project("Saved").await.expect("project");
    let settings = Settings::default();
    let saved = copy_that_pipeline::run(
        copy_that_pipeline::Batch {
            paths: &files,
            target: copy_that_pipeline::Target::Project {
                store: &store,
                name: "Saved",
            },
            settings: &settings,
            client: None,
            dpr: copy_that_measure::Dpr::Auto,
        },
        &CancellationToken::new(),
        Arc::new(|_| {}),
    )
    .await
    .expect("project batch");

    let (log, emit) = collector();
    let memory = copy_that_pipeline::run(
        copy_that_pipeline::Batch {
            paths: &files,
            target: copy_that_pipeline::Target::Memory {
                threshold: copy_that_spacing::MergeThreshold::DEFAULT,
                root_px: copy_that_spacing::RootPx::DEFAULT,
            },
            settings: &settings,
            client: None,
            dpr: copy_that_measure::Dpr::Auto,
        },
        &CancellationToken::new(),
        emit,
    )
    .await
    .expect("memory batch");
    assert_eq!(memory.summary.saved, 2);
    use ImagePhase::*;
    for i in [0, 1] {
        assert_eq!(
            phases(&log, i),
            [Decoding, Measuring, Naming, Aggregating, Saved]
        );
    }
    assert!(
        !log.lock()
            .expect("log")
            .iter()
            .any(|e| matches!(e, ExtractEvent::Library { .. })),
        "no project library is published"
    );
    // The same images, the same library: only where it is kept differs.
    let tokens = |l: &Option<copy_that_spacing::SpacingLibrary>| -> Vec<(f64, u32)> {
        l.as_ref()
            .expect("a library")
            .tokens
            .iter()
            .map(|t| (t.value_px, t.occurrence_count))
            .collect()
    };
    assert_eq!(tokens(&memory.library), tokens(&saved.library));
    let memory_lib = memory.library.as_ref().expect("lib");
    assert!(memory_lib
        .tokens
        .iter()
        .all(|t| t.extraction_metadata.provider == "local"));
    // Nothing reached the database but the project batch's images.
    assert_eq!(store.list_projects().await.expect("list").len(), 1);
}

#[tokio::test]
async fn a_project_keeps_its_images_after_the_folder_they_came_from_is_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let drop = dir.path().join("drop");
    std::fs::create_dir(&drop).expect("dir");
    let original = std::fs::read(screens().join("dashboard.png")).expect("read");
    std::fs::write(drop.join("dashboard.png"), &original).expect("write");
    let store = Store::open_dir(&dir.path().join("data"))
        .await
        .expect("open");
    store.create_project("Kept").await.expect("project");
    let summary = plain_batch(&store, "Kept", std::slice::from_ref(&drop)).await;
    assert_eq!(summary.saved, 1);
    std::fs::remove_dir_all(&drop).expect("delete the folder");

    let p = store.project("Kept").await.expect("project");
    let record = &store.images(p.id).await.expect("images")[0];
    let kept = store
        .kept_image(record.id)
        .await
        .expect("read")
        .expect("kept with the project");
    assert_eq!(kept.bytes, original, "the file itself, byte for byte");
    assert!(!kept.downscaled);
    assert!(record.stored_bytes >= original.len() as f64);
    assert!(!store.thumbnail(record.id).await.expect("thumb").is_empty());
}

#[tokio::test]
async fn a_failed_image_is_remembered_with_its_reason_and_a_retry_that_measures_it_clears_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let drop = dir.path().join("drop");
    std::fs::create_dir(&drop).expect("dir");
    let broken = drop.join("broken.png");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\n\0\0").expect("write");
    std::fs::copy(screens().join("grid.png"), drop.join("grid.png")).expect("copy");
    let data = dir.path().join("data");
    {
        let store = Store::open_dir(&data).await.expect("open");
        store.create_project("Retry").await.expect("project");
        let summary = plain_batch(&store, "Retry", std::slice::from_ref(&drop)).await;
        assert_eq!((summary.saved, summary.failed), (1, 1));
        store.close().await;
    }
    // After a restart the failure is still there, with its reason and where it was read from.
    let store = Store::open_dir(&data).await.expect("reopen");
    let stored = copy_that_pipeline::load_library(&store, "Retry")
        .await
        .expect("load");
    assert_eq!(stored.failures.len(), 1);
    let failure = &stored.failures[0];
    assert_eq!(failure.file_name, "broken.png");
    assert!(
        failure.reason.contains("truncated") || failure.reason.contains("damaged"),
        "{}",
        failure.reason
    );
    assert_eq!(
        std::path::Path::new(&failure.path),
        std::fs::canonicalize(&broken).expect("canonical")
    );

    // Still broken: the retry fails again and the failure stays (one row, not two).
    let paths: Vec<PathBuf> = stored
        .failures
        .iter()
        .map(|f| PathBuf::from(&f.path))
        .collect();
    plain_batch(&store, "Retry", &paths).await;
    let p = store.project("Retry").await.expect("project");
    assert_eq!(store.failures(p.id).await.expect("failures").len(), 1);

    // Replaced by a good screenshot: the retry measures it and the failure is gone.
    std::fs::copy(screens().join("settings.png"), &broken).expect("fix");
    let summary = plain_batch(&store, "Retry", &paths).await;
    assert_eq!((summary.saved, summary.failed), (1, 0));
    assert!(store.failures(p.id).await.expect("failures").is_empty());
    assert_eq!(store.images(p.id).await.expect("images").len(), 2);
}
