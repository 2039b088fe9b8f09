//! Rebuilding a project's library keeps each image's values between rebuilds and reads only the
//! jobs it has not seen, yet picks up what another writer recorded meanwhile.

use copy_that_pipeline::library::{rebuild_with, ProjectValues};
use copy_that_spacing::{Measurement, SpacingType};
use copy_that_store::{NewImage, NewJob, Store};

fn image(hash: &str) -> NewImage {
    NewImage {
        content_hash: hash.into(),
        file_name: format!("{hash}.png"),
        width: 100,
        height: 100,
        dpr: 1.0,
        dpr_source: "default".into(),
        thumbnail: vec![1],
        source_path: None,
        copy: None,
    }
}

fn values(px: &[f64]) -> Vec<Measurement> {
    px.iter()
        .flat_map(|&v| std::iter::repeat_n(v, 3))
        .map(|v| Measurement::new(v, 0.9, SpacingType::Padding).expect("valid"))
        .collect()
}

fn job(px: &[f64]) -> NewJob {
    NewJob {
        source: "claude".into(),
        model: String::new(),
        measurements: values(px),
        elapsed_ms: 1.0,
        error: None,
    }
}

#[tokio::test]
async fn a_rebuild_reads_only_unseen_jobs_and_follows_other_writers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("P").await.expect("project");
    let (a, _) = store.add_image(p.id, &image("a")).await.expect("image");
    let job_a = store
        .record_job(p.id, a, &job(&[8.0, 16.0, 24.0]))
        .await
        .expect("job");
    let tokens = |lib: &copy_that_store::StoredLibrary| -> Vec<f64> {
        lib.library.tokens.iter().map(|t| t.value_px).collect()
    };

    let mut kept = ProjectValues::default();
    let built = rebuild_with(&store, &p, &mut kept).await.expect("rebuild");
    assert_eq!(tokens(&built), [8.0, 16.0, 24.0]);

    // What the batch recorded itself is taken from memory, not read again.
    kept.recorded(a, job_a, values(&[40.0, 48.0]));
    let built = rebuild_with(&store, &p, &mut kept).await.expect("rebuild");
    assert_eq!(tokens(&built), [40.0, 48.0]);

    // Another writer adds an image, then a newer job for the first: both are read.
    let (b, _) = store.add_image(p.id, &image("b")).await.expect("image");
    store.record_job(p.id, b, &job(&[64.0])).await.expect("job");
    let built = rebuild_with(&store, &p, &mut kept).await.expect("rebuild");
    assert_eq!(tokens(&built), [40.0, 48.0, 64.0]);
    store.record_job(p.id, a, &job(&[12.0])).await.expect("job");
    let built = rebuild_with(&store, &p, &mut kept).await.expect("rebuild");
    assert_eq!(tokens(&built), [12.0, 64.0]);
    assert_eq!(
        store.load_library("P").await.expect("load").library,
        built.library
    );
}

#[tokio::test]
async fn a_hand_edit_is_kept_with_its_library_and_a_refused_one_changes_nothing() {
    use copy_that_pipeline::library::{edit_token, rebuild};
    use copy_that_pipeline::PipelineError;
    use copy_that_spacing::{EditError, TokenEdit};
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("E").await.expect("project");
    let (a, _) = store.add_image(p.id, &image("a")).await.expect("image");
    store
        .record_job(p.id, a, &job(&[8.0, 16.0, 32.0]))
        .await
        .expect("job");
    rebuild(&store, &p).await.expect("rebuild");

    let deleted = edit_token(&store, &p, &TokenEdit::Delete { value_px: 32.0 })
        .await
        .expect("delete");
    assert_eq!(
        deleted.project.token_count, 2,
        "the summary counts the edited library"
    );
    let refused = edit_token(&store, &p, &TokenEdit::Delete { value_px: 32.0 }).await;
    assert!(
        matches!(refused, Err(PipelineError::Edit(EditError::NoToken(_)))),
        "{refused:?}"
    );
    assert_eq!(store.edits(p.id).await.expect("edits").len(), 1);
    // Replayed on the next rebuild: 32 stays deleted.
    let rebuilt = rebuild(&store, &p).await.expect("rebuild");
    let values: Vec<f64> = rebuilt.library.tokens.iter().map(|t| t.value_px).collect();
    assert_eq!(values, [8.0, 16.0]);
}

#[tokio::test]
async fn a_threshold_preview_says_what_merges_and_setting_it_re_merges_the_saved_library() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("T").await.expect("project");
    let (a, _) = store.add_image(p.id, &image("a")).await.expect("image");
    store
        .record_job(p.id, a, &job(&[16.0, 18.0, 32.0]))
        .await
        .expect("job");
    let zero = copy_that_spacing::MergeThreshold::ZERO;
    let stored = copy_that_pipeline::set_threshold(&store, "T", zero)
        .await
        .expect("0 %");
    let values: Vec<f64> = stored.library.tokens.iter().map(|t| t.value_px).collect();
    assert_eq!(values, [16.0, 18.0, 32.0], "2 px apart stay apart at 0 %");

    let wide = copy_that_spacing::MergeThreshold::new(0.2).expect("20 %");
    let preview = copy_that_pipeline::preview_threshold(&store, "T", wide)
        .await
        .expect("preview");
    assert_eq!(preview.token_count, 2);
    assert_eq!(preview.merged.len(), 1, "{preview:?}");
    let m = &preview.merged[0];
    assert!(
        (m.from_px, m.into_px) == (18.0, 16.0) || (m.from_px, m.into_px) == (16.0, 18.0),
        "{preview:?}"
    );
    // A preview saves nothing.
    let saved = copy_that_pipeline::load_library(&store, "T")
        .await
        .expect("load");
    assert_eq!(saved.library.tokens.len(), 3);
    assert_eq!(saved.project.threshold, zero);

    let applied = copy_that_pipeline::set_threshold(&store, "T", wide)
        .await
        .expect("20 %");
    assert_eq!(applied.library.tokens.len(), 2);
    assert_eq!(applied.project.threshold, wide);
    assert!(store.library_is_current(p.id).await.expect("current"));
}

#[tokio::test]
async fn a_left_out_value_the_audit_snaps_joins_its_step_and_stays_after_a_rebuild() {
    // Regression: the audit listed values an image's selection left out, with no way to snap
    // them into the scale or keep them; only the library's own tokens could be.
    use copy_that_pipeline::library::{audit_project, edit_token, rebuild};
    use copy_that_spacing::TokenEdit;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("P").await.expect("project");
    let (a, _) = store.add_image(p.id, &image("a")).await.expect("image");
    // An 8 px system measured by the local engine, and a 14 px gap it leaves out as off the grid.
    let mut raw = Vec::new();
    for (v, n) in [(8.0, 40), (16.0, 40), (24.0, 40), (14.0, 12)] {
        raw.extend(std::iter::repeat_n(
            Measurement::new(v, 0.95, SpacingType::Gap).expect("valid"),
            n,
        ));
    }
    let local = NewJob {
        source: "local".into(),
        model: String::new(),
        measurements: raw,
        elapsed_ms: 1.0,
        error: None,
    };
    store.record_job(p.id, a, &local).await.expect("job");
    let built = rebuild(&store, &p).await.expect("rebuild");
    let uses = |lib: &copy_that_store::StoredLibrary, v: f64| {
        lib.library
            .tokens
            .iter()
            .find(|t| t.value_px == v)
            .map(|t| t.occurrence_count)
    };
    assert_eq!(uses(&built, 14.0), None);
    let report = audit_project(&store, "P").await.expect("audit");
    let item = report
        .left_out
        .iter()
        .find(|l| l.value_px == 14.0)
        .unwrap_or_else(|| panic!("14 px left out: {:?}", report.left_out));
    assert_eq!((item.count, item.snap_to_px), (12, Some(16.0)));

    let snap = TokenEdit::Include {
        value_px: 14.0,
        into_px: item.snap_to_px,
    };
    let edited = edit_token(&store, &p, &snap).await.expect("snap");
    assert_eq!(uses(&edited, 16.0), uses(&built, 16.0).map(|n| n + 12));
    assert_eq!(
        store.load_library("P").await.expect("load").library,
        edited.library
    );
    let report = audit_project(&store, "P").await.expect("audit");
    assert!(
        report.left_out.iter().all(|l| l.value_px != 14.0),
        "{:?}",
        report.left_out
    );
    // Replayed when the library is built again, also by a batch's rebuilds, which keep what they
    // read between them.
    let again = rebuild(&store, &p).await.expect("rebuild");
    assert_eq!(uses(&again, 16.0), uses(&edited, 16.0));
    let mut kept = ProjectValues::default();
    let first = rebuild_with(&store, &p, &mut kept).await.expect("rebuild");
    let second = rebuild_with(&store, &p, &mut kept).await.expect("rebuild");
    let counts = |lib: &copy_that_store::StoredLibrary| -> Vec<(f64, u32)> {
        lib.library
            .tokens
            .iter()
            .map(|t| (t.value_px, t.occurrence_count))
            .collect()
    };
    assert_eq!(uses(&first, 16.0), uses(&edited, 16.0));
    assert_eq!(counts(&second), counts(&first));
}
