//! Settings policy on a real project database: what an earlier version saved still loads, new
//! projects take the settings' threshold and root size, the last project follows a rename.

use std::path::Path;
use std::sync::Arc;

use copy_that_pipeline::{projects, run_batch, Settings};
use copy_that_spacing::{MergeThreshold, RootPx};
use copy_that_store::Store;
use tokio_util::sync::CancellationToken;

#[tokio::test]
async fn a_100_percent_threshold_saved_by_an_earlier_version_no_longer_fails_the_first_rebuild() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    // What the settings form could save before the threshold was a type.
    let saved = serde_json::json!({"engine": "local", "threshold": 1.0, "rootPx": 10});
    store.put_setting(Settings::KEY, &saved).await.expect("put");

    let settings = projects::load_settings(&store)
        .await
        .expect("settings load");
    assert_eq!(settings.threshold, MergeThreshold::DEFAULT);
    assert_eq!(settings.root_px.get(), 10.0);
    let p = projects::create_project(&store, "New")
        .await
        .expect("create");
    assert_eq!((p.threshold.get(), p.root_px.get()), (0.1, 10.0));

    let shot =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/screens/settings.png");
    let summary = run_batch(
        &store,
        "New",
        &[shot],
        &settings,
        None,
        &CancellationToken::new(),
        Arc::new(|_| {}),
    )
    .await
    .expect("the first rebuild succeeds");
    assert_eq!(summary.saved, 1);
    assert!(!store
        .load_library("New")
        .await
        .expect("load")
        .library
        .tokens
        .is_empty());
}

#[tokio::test]
async fn saving_keeps_the_last_project_which_follows_a_rename() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    projects::create_project(&store, "Shop")
        .await
        .expect("create");
    projects::open_project(&store, "Shop").await.expect("open");
    let form = Settings {
        root_px: RootPx::new(20.0).expect("20 px"),
        last_project: None,
        ..Settings::default()
    };
    let saved = projects::save_settings(&store, form).await.expect("save");
    assert_eq!(
        saved.last_project.as_deref(),
        Some("Shop"),
        "the form does not own it"
    );
    let id = store.project("Shop").await.expect("project").id;
    projects::rename_project(&store, id, " Store ")
        .await
        .expect("rename");
    let settings = projects::load_settings(&store).await.expect("load");
    assert_eq!(settings.last_project.as_deref(), Some("Store"));
    assert_eq!(settings.root_px.get(), 20.0);
    let last = projects::last_project(&store, &settings)
        .await
        .expect("last");
    assert_eq!(last.map(|l| l.project.name).as_deref(), Some("Store"));

    // A project `extract --project` creates takes the settings too; an existing one is kept.
    let new = projects::ensure_project(&store, "Cli")
        .await
        .expect("created");
    assert_eq!(new.root_px.get(), 20.0);
    let existing = projects::ensure_project(&store, "Store")
        .await
        .expect("existing");
    assert_eq!((existing.id, existing.root_px.get()), (id, 16.0));
}
