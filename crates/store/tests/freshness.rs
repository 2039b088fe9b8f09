//! A saved library knows what it was built from, so one left behind by a process killed between
//! recording a job and rebuilding is seen to be stale.

use copy_that_spacing::{JobSource, Measurement, MergeThreshold, SpacingType, TokenEdit};
use copy_that_store::{NewJob, Store};

mod common;
use common::{image, rebuild};

fn job(px: f64) -> NewJob {
    NewJob {
        source: JobSource::Local,
        model: String::new(),
        measurements: vec![Measurement::new(px, 0.9, SpacingType::Padding).expect("valid")],
        elapsed_ms: 1.0,
        error: None,
    }
}

#[tokio::test]
async fn a_job_recorded_without_a_rebuild_makes_the_saved_library_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("Fresh").await.expect("project");
    assert!(
        store.library_is_current(p.id).await.expect("check"),
        "a project with no job needs no library"
    );

    let (a, _) = store
        .add_image(p.id, &image("a", "a.png"))
        .await
        .expect("image");
    store.record_job(p.id, a, &job(16.0)).await.expect("job");
    assert!(
        !store.library_is_current(p.id).await.expect("check"),
        "no library yet"
    );
    rebuild(&store, &p).await;
    assert!(store.library_is_current(p.id).await.expect("check"));

    // The kill: a second image and its job are committed, the rebuild never runs.
    let (b, _) = store
        .add_image(p.id, &image("b", "b.png"))
        .await
        .expect("image");
    store.record_job(p.id, b, &job(24.0)).await.expect("job");
    assert!(!store.library_is_current(p.id).await.expect("check"));
    rebuild(&store, &p).await;
    assert!(store.library_is_current(p.id).await.expect("check"));
}

#[tokio::test]
async fn a_threshold_changed_without_a_rebuild_makes_the_saved_library_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("Threshold").await.expect("project");
    let (a, _) = store
        .add_image(p.id, &image("a", "a.png"))
        .await
        .expect("image");
    store.record_job(p.id, a, &job(16.0)).await.expect("job");
    rebuild(&store, &p).await;
    let threshold = MergeThreshold::new(0.2).expect("valid");
    store
        .set_project_options(p.id, threshold, p.root_px)
        .await
        .expect("options");
    assert!(!store.library_is_current(p.id).await.expect("check"));
    let p = store.project("Threshold").await.expect("project");
    rebuild(&store, &p).await;
    assert!(store.library_is_current(p.id).await.expect("check"));
}

#[tokio::test]
async fn an_edit_saved_with_its_library_keeps_it_current() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("Edits").await.expect("project");
    let (a, _) = store
        .add_image(p.id, &image("a", "a.png"))
        .await
        .expect("image");
    store.record_job(p.id, a, &job(16.0)).await.expect("job");
    let library = rebuild(&store, &p).await;
    let images = store.images(p.id).await.expect("images");
    let edit = TokenEdit::Rename {
        value_px: 16.0,
        name: "card".into(),
    };
    store
        .save_edit(&p, &edit, &images, &library)
        .await
        .expect("edit");
    assert!(store.library_is_current(p.id).await.expect("check"));
}
