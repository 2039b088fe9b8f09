//! The store on real database files in temporary folders.

mod common;
use common::image;

use std::time::Duration;

use copy_that_spacing::{BBox, Measurement, SpacingScale, SpacingType};
use copy_that_store::{
    content_hash, NewImage, NewJob, OpenOptions, Store, StoreError, TokenFilter, DB_FILE,
};
use sqlx::Connection;

fn job(values: &[(f64, f64)]) -> NewJob {
    NewJob {
        source: "local".into(),
        model: String::new(),
        measurements: values
            .iter()
            .enumerate()
            .map(|(i, &(v, c))| Measurement {
                value_px: v,
                confidence: c,
                spacing_type: if i % 2 == 0 {
                    SpacingType::Padding
                } else {
                    SpacingType::Gap
                },
                context: Some("card padding".into()),
                bbox: Some(BBox {
                    x: i as u32 * 10,
                    y: 5,
                    w: v as u32,
                    h: 20,
                }),
                design_intent: None,
            })
            .collect(),
        elapsed_ms: 12.0,
        error: None,
    }
}

/// Box-to-box measurements (0.95) of a 4 px scale, `n` times each.
fn scale_job(values: &[f64], n: usize) -> NewJob {
    let v: Vec<(f64, f64)> = values
        .iter()
        .flat_map(|&v| std::iter::repeat_n((v, 0.95), n))
        .collect();
    job(&v)
}

#[tokio::test]
async fn connections_use_wal_foreign_keys_and_a_busy_timeout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    assert!(dir.path().join(DB_FILE).exists());
    let url = format!("sqlite://{}", dir.path().join(DB_FILE).display());
    // Read the settings back through the store's own pool.
    let (mode, fk, timeout) = store.pragmas().await.expect("pragmas");
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(timeout, 5000);
    drop(url);
}

#[tokio::test]
async fn migrates_an_empty_file_and_reopens_with_the_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    std::fs::write(&path, b"").expect("empty file");
    let store = Store::open(&path).await.expect("open empty file");
    let p = store
        .create_project("Marketing site")
        .await
        .expect("create");
    store
        .add_image(p.id, &image("h1", "home.png"))
        .await
        .expect("image");
    store.close().await;

    let store = Store::open(&path).await.expect("reopen");
    let projects = store.list_projects().await.expect("list");
    assert_eq!(projects.len(), 1);
    assert_eq!(
        (projects[0].name.as_str(), projects[0].image_count),
        ("Marketing site", 1)
    );
}

#[tokio::test]
async fn an_older_database_is_backed_up_before_migrating() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    {
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let mut conn = sqlx::SqliteConnection::connect(&url)
            .await
            .expect("raw connect");
        sqlx::query("CREATE TABLE notes (body TEXT)")
            .execute(&mut conn)
            .await
            .expect("table");
        sqlx::query("INSERT INTO notes VALUES ('keep me')")
            .execute(&mut conn)
            .await
            .expect("row");
        conn.close().await.expect("close");
    }
    let store = Store::open(&path).await.expect("open and migrate");
    store
        .create_project("p")
        .await
        .expect("works after migration");
    let backups: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".bak-v0-"))
        .collect();
    assert_eq!(backups.len(), 1, "one backup of the pre-migration file");
    let url = format!("sqlite://{}?mode=ro", backups[0].path().display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("open backup");
    let body: String = sqlx::query_scalar("SELECT body FROM notes")
        .fetch_one(&mut conn)
        .await
        .expect("row");
    assert_eq!(body, "keep me");
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_set_aside_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    let garbage = b"these are a designer's notes, not a database\n".repeat(100);
    std::fs::write(&path, &garbage).expect("write");
    let err = Store::open(&path).await.err().expect("refused");
    let StoreError::Corrupt { moved_to, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(
        std::fs::read(moved_to).expect("moved file"),
        garbage,
        "kept byte for byte"
    );
    assert!(err.to_string().contains("is damaged or is not a database"));
    // The next open starts a fresh database.
    let store = Store::open(&path).await.expect("fresh");
    assert!(store.list_projects().await.expect("list").is_empty());
}

#[tokio::test]
async fn a_locked_database_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    let opts = OpenOptions {
        busy_timeout: Duration::from_millis(100),
        ..OpenOptions::default()
    };
    let store = Store::open_with(&path, &opts).await.expect("open");
    let url = format!("sqlite://{}", path.display());
    let mut other = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("second program");
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut other)
        .await
        .expect("lock");
    let err = store.create_project("blocked").await.expect_err("locked");
    assert!(matches!(err, StoreError::Locked(_)), "{err}");
    assert!(err.to_string().contains("is locked by another program"));
    sqlx::query("ROLLBACK")
        .execute(&mut other)
        .await
        .expect("unlock");
    store
        .create_project("after")
        .await
        .expect("works once unlocked");
}

#[tokio::test]
async fn a_full_disk_is_a_clear_error_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    let opts = OpenOptions {
        max_page_count: Some(40),
        ..OpenOptions::default()
    };
    let store = Store::open_with(&path, &opts).await.expect("open");
    let p = store.create_project("big").await.expect("project");
    let (img, _) = store
        .add_image(p.id, &image("h", "a.png"))
        .await
        .expect("image");
    let huge = scale_job(&[4.0, 8.0, 12.0, 16.0], 5000);
    let err = store
        .record_job(p.id, img, &huge)
        .await
        .expect_err("disk full");
    assert!(matches!(err, StoreError::DiskFull(_)), "{err}");
    assert_eq!(
        store.job_count(p.id).await.expect("count"),
        0,
        "nothing half-written"
    );
}

#[tokio::test]
async fn projects_are_created_renamed_listed_and_deleted_with_everything_in_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let a = store.create_project("Alpha").await.expect("a");
    assert!(matches!(
        store.create_project(" Alpha ").await,
        Err(StoreError::DuplicateProject(_))
    ));
    assert!(matches!(
        store.create_project("").await,
        Err(StoreError::InvalidName)
    ));
    assert!(matches!(
        store.create_project("a\u{7}b").await,
        Err(StoreError::InvalidName)
    ));
    let b = store.create_project("Beta").await.expect("b");
    store.rename_project(a.id, "Alpha 2").await.expect("rename");
    assert!(matches!(
        store.rename_project(a.id, "Beta").await,
        Err(StoreError::DuplicateProject(_))
    ));
    let (img, _) = store
        .add_image(b.id, &image("x", "x.png"))
        .await
        .expect("img");
    store
        .record_job(b.id, img, &scale_job(&[8.0, 16.0], 3))
        .await
        .expect("job");
    common::rebuild(&store, &store.project("Beta").await.expect("b")).await;
    let names: Vec<String> = store
        .list_projects()
        .await
        .expect("list")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"Alpha 2".to_string()));
    store.delete_project(b.id).await.expect("delete");
    assert!(matches!(
        store.project("Beta").await,
        Err(StoreError::ProjectNotFound(_))
    ));
    assert_eq!(
        store.orphan_rows().await.expect("orphans"),
        0,
        "cascade removed images, jobs, tokens"
    );
}

#[tokio::test]
async fn images_are_deduplicated_by_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("P").await.expect("p");
    let hash = content_hash(b"same bytes");
    assert_eq!(hash.len(), 64);
    let (a, new_a) = store
        .add_image(p.id, &image(&hash, "one.png"))
        .await
        .expect("a");
    let (b, new_b) = store
        .add_image(p.id, &image(&hash, "copy of one.png"))
        .await
        .expect("b");
    assert_eq!(a, b);
    assert!(new_a && !new_b);
    assert_eq!(store.images(p.id).await.expect("images").len(), 1);
    assert_eq!(store.thumbnail(a).await.expect("thumb"), vec![1, 2, 3]);
}

#[tokio::test]
async fn an_image_saved_without_a_thumbnail_gets_one_when_added_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("P").await.expect("p");
    // As `copy-that extract --project` saved images before it ran the pipeline.
    let bare = NewImage {
        thumbnail: Vec::new(),
        ..image("h", "home.png")
    };
    let (id, _) = store.add_image(p.id, &bare).await.expect("bare");
    assert!(store.thumbnail(id).await.expect("thumb").is_empty());
    // "Add it again", as the app says: now it has one, and a later one does not replace it.
    store
        .add_image(p.id, &image("h", "home.png"))
        .await
        .expect("again");
    assert_eq!(store.thumbnail(id).await.expect("thumb"), vec![1, 2, 3]);
    let other = NewImage {
        thumbnail: vec![9],
        ..image("h", "home.png")
    };
    store.add_image(p.id, &other).await.expect("third");
    assert_eq!(store.thumbnail(id).await.expect("thumb"), vec![1, 2, 3]);
}

#[tokio::test]
async fn a_project_library_is_saved_and_read_back_from_the_database_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    let store = Store::open(&path).await.expect("open");
    let p = store.create_project("Dashboard").await.expect("p");
    let (i1, _) = store
        .add_image(p.id, &image("a", "a.png"))
        .await
        .expect("a");
    let (i2, _) = store
        .add_image(p.id, &image("b", "b.png"))
        .await
        .expect("b");
    store
        .record_job(p.id, i1, &scale_job(&[4.0, 8.0, 16.0, 24.0], 3))
        .await
        .expect("j1");
    store
        .record_job(p.id, i2, &scale_job(&[8.0, 16.0, 32.0], 2))
        .await
        .expect("j2");
    let failed = NewJob {
        error: Some("network down".into()),
        measurements: vec![],
        ..scale_job(&[], 0)
    };
    store
        .record_job(p.id, i2, &failed)
        .await
        .expect("a failed job is recorded too");
    let built = common::rebuild(&store, &store.project("Dashboard").await.expect("p")).await;
    store.close().await;

    let store = Store::open(&path).await.expect("reopen");
    let saved = store.load_library("Dashboard").await.expect("load");
    assert_eq!(saved.library, built, "identical after the round trip");
    let values: Vec<f64> = saved.library.tokens.iter().map(|t| t.value_px).collect();
    assert_eq!(values, [4.0, 8.0, 16.0, 24.0, 32.0]);
    let t16 = &saved.library.tokens[2];
    assert_eq!((t16.occurrence_count, t16.image_count), (5, 2));
    let files: Vec<&str> = t16
        .images
        .iter()
        .map(|u| saved.images[u.image as usize].file_name.as_str())
        .collect();
    assert_eq!(files, ["a.png", "b.png"]);
    assert!(t16.occurrences.iter().all(|o| o.bbox.is_some()));
    assert_eq!(saved.project.token_count, 5);
}

#[tokio::test]
async fn tokens_are_queried_by_type_scale_grid_and_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("Q").await.expect("p");
    let (i, _) = store
        .add_image(p.id, &image("q", "q.png"))
        .await
        .expect("img");
    store
        .record_job(p.id, i, &scale_job(&[4.0, 8.0, 12.0, 16.0, 24.0, 32.0], 2))
        .await
        .expect("job");
    common::rebuild(&store, &store.project("Q").await.expect("p")).await;
    let q = |f: TokenFilter| {
        let store = store.clone();
        async move {
            store
                .query_tokens("Q", &f)
                .await
                .expect("query")
                .into_iter()
                .map(|t| t.value_px)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        q(TokenFilter {
            min_px: Some(10.0),
            max_px: Some(20.0),
            ..Default::default()
        })
        .await,
        [12.0, 16.0]
    );
    assert_eq!(
        q(TokenFilter {
            scales: vec![SpacingScale::Md],
            ..Default::default()
        })
        .await,
        [16.0]
    );
    assert_eq!(
        q(TokenFilter {
            grid_compliant: Some(false),
            ..Default::default()
        })
        .await,
        Vec::<f64>::new()
    );
    assert_eq!(
        q(TokenFilter {
            types: vec![SpacingType::Mixed],
            ..Default::default()
        })
        .await
        .len(),
        6
    );
    assert!(q(TokenFilter {
        types: vec![SpacingType::Inset],
        ..Default::default()
    })
    .await
    .is_empty());
}
