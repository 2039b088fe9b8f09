//! Hand edits and settings on real database files: they persist, and edits survive rebuilding the
//! library after more images arrive.

mod common;

use copy_that_spacing::{
    apply_edit, BBox, EditError, Measurement, MergeThreshold, RootPx, SpacingType, TokenEdit,
};
use copy_that_store::{NewImage, NewJob, ProjectSummary, Store, StoredLibrary};

fn image(hash: &str) -> NewImage {
    NewImage {
        content_hash: hash.into(),
        file_name: format!("{hash}.png"),
        width: 800,
        height: 600,
        dpr: 1.0,
        dpr_source: "default".into(),
        thumbnail: vec![1],
        source_path: Some(format!("/shots/{hash}.png")),
        copy: None,
    }
}

fn job(values: &[f64]) -> NewJob {
    NewJob {
        source: "ai".into(),
        model: String::new(),
        measurements: values
            .iter()
            .flat_map(|&v| std::iter::repeat_n(v, 3))
            .map(|v| Measurement {
                bbox: Some(BBox {
                    x: 1,
                    y: 2,
                    w: v as u32,
                    h: 4,
                }),
                ..Measurement::new(v, 0.9, SpacingType::Padding).expect("valid")
            })
            .collect(),
        elapsed_ms: 1.0,
        error: None,
    }
}

/// A hand edit applied to the saved library and kept with it, as the pipeline edits a token
/// (`pipeline::library::edit_token`): the store only saves the two.
async fn edit(
    store: &Store,
    p: &ProjectSummary,
    edit: &TokenEdit,
) -> Result<StoredLibrary, EditError> {
    let mut stored = store.load_library(&p.name).await.expect("load");
    apply_edit(&mut stored.library, edit, p.threshold.get())?;
    store
        .save_edit(p, edit, &stored.images, &stored.library)
        .await
        .expect("save");
    stored.project = store.project(&p.name).await.expect("summary");
    Ok(stored)
}

#[tokio::test]
async fn edits_persist_and_are_replayed_when_images_are_added() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("Edits").await.expect("project");
    let (a, _) = store.add_image(p.id, &image("a")).await.expect("image");
    store
        .record_job(p.id, a, &job(&[8.0, 16.0, 24.0, 32.0]))
        .await
        .expect("job");
    common::rebuild(&store, &p).await;

    let rename = TokenEdit::Rename {
        value_px: 16.0,
        name: "card-padding".into(),
    };
    edit(&store, &p, &rename).await.expect("rename");
    edit(&store, &p, &TokenEdit::Delete { value_px: 32.0 })
        .await
        .expect("delete");
    edit(
        &store,
        &p,
        &TokenEdit::Retype {
            value_px: 8.0,
            spacing_type: SpacingType::Gap,
        },
    )
    .await
    .expect("retype");
    let bad = edit(
        &store,
        &p,
        &TokenEdit::Rename {
            value_px: 8.0,
            name: "card-padding".into(),
        },
    )
    .await;
    assert!(matches!(bad, Err(EditError::NameTaken(_))), "{bad:?}");
    assert_eq!(store.edits(p.id).await.expect("edits").len(), 3);

    // Reopen from the file: the edited library is what loads.
    store.close().await;
    let store = Store::open_dir(dir.path()).await.expect("reopen");
    let lib = store.load_library("Edits").await.expect("load").library;
    let values: Vec<f64> = lib.tokens.iter().map(|t| t.value_px).collect();
    assert_eq!(values, vec![8.0, 16.0, 24.0]);
    assert_eq!(lib.tokens[1].name, "card-padding");
    assert_eq!(lib.tokens[0].spacing_type, SpacingType::Gap);
    let known: Vec<(f64, String)> = store
        .known_names(p.id)
        .await
        .expect("known names")
        .into_iter()
        .map(|k| {
            assert_eq!(k.context, "", "the jobs measured no context");
            (k.value_px, k.name)
        })
        .collect();
    assert_eq!(
        known,
        [
            (8.0, "2".into()),
            (16.0, "card-padding".into()),
            (24.0, "6".into())
        ]
    );

    // A second image brings 32 back and adds 48; the edits are replayed on the rebuilt library.
    let (b, _) = store.add_image(p.id, &image("b")).await.expect("image");
    store
        .record_job(p.id, b, &job(&[16.0, 32.0, 48.0]))
        .await
        .expect("job");
    let p = store.project("Edits").await.expect("project");
    let lib = common::rebuild(&store, &p).await;
    let values: Vec<f64> = lib.tokens.iter().map(|t| t.value_px).collect();
    assert_eq!(values, vec![8.0, 16.0, 24.0, 48.0]);
    let t16 = &lib.tokens[1];
    assert_eq!(t16.name, "card-padding");
    assert_eq!(t16.image_count, 2);
    let names: Vec<&str> = lib.tokens.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["2", "card-padding", "6", "12"]);
}

#[tokio::test]
async fn merging_two_tokens_keeps_every_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("Merge").await.expect("project");
    let (a, _) = store.add_image(p.id, &image("a")).await.expect("image");
    store
        .record_job(p.id, a, &job(&[8.0, 12.0, 16.0]))
        .await
        .expect("job");
    common::rebuild(&store, &p).await;
    let lib = edit(
        &store,
        &p,
        &TokenEdit::Merge {
            value_px: 12.0,
            into_px: 16.0,
        },
    )
    .await
    .expect("merge");
    assert_eq!(
        lib.project.token_count, 2,
        "the summary counts the merged library"
    );
    let lib = lib.library;
    assert_eq!(lib.tokens.len(), 2);
    assert_eq!(lib.tokens[1].occurrence_count, 6);
    let stored = store.load_library("Merge").await.expect("load").library;
    assert_eq!(stored.tokens[1].occurrences.len(), 6);
}

#[tokio::test]
async fn settings_and_source_paths_persist() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    assert_eq!(store.setting::<String>("engine").await.expect("get"), None);
    store.put_setting("engine", &"hybrid").await.expect("put");
    let p = store.create_project("Paths").await.expect("project");
    let (id, new) = store.add_image(p.id, &image("a")).await.expect("image");
    assert!(new);
    let moved = NewImage {
        source_path: Some("/moved/a.png".into()),
        ..image("a")
    };
    assert_eq!(
        store.add_image(p.id, &moved).await.expect("again"),
        (id, false)
    );
    // 1.5 cannot reach the store: it is refused where it becomes a threshold.
    assert!(MergeThreshold::new(1.5).is_err());
    let (threshold, root_px) = (MergeThreshold::new(0.2), RootPx::new(10.0));
    store
        .set_project_options(p.id, threshold.expect("0.2"), root_px.expect("10"))
        .await
        .expect("options");
    store.close().await;

    let store = Store::open_dir(dir.path()).await.expect("reopen");
    assert_eq!(
        store.setting::<String>("engine").await.expect("get"),
        Some("hybrid".into())
    );
    let images = store.images(p.id).await.expect("images");
    assert_eq!(images[0].source_path.as_deref(), Some("/moved/a.png"));
    let p = store.project("Paths").await.expect("project");
    assert_eq!((p.threshold.get(), p.root_px.get()), (0.2, 10.0));
}
