//! Images are kept with their projects: the bytes saved with the image and its job, read back by
//! image id, shared between projects by hash, and deleted with the last project holding them.

use copy_that_spacing::{JobSource, Measurement, SpacingType};
use copy_that_store::{ImageCopy, NewImage, NewJob, Store};

mod common;

fn with_copy(hash: &str, bytes: &[u8]) -> NewImage {
    NewImage {
        copy: Some(ImageCopy {
            bytes: bytes.to_vec(),
            original_bytes: bytes.len() as u64,
            downscaled: false,
        }),
        ..common::image(hash, &format!("{hash}.png"))
    }
}

fn job() -> NewJob {
    NewJob {
        source: JobSource::Local,
        model: String::new(),
        measurements: vec![Measurement::new(16.0, 0.9, SpacingType::Gap).expect("valid")],
        elapsed_ms: 1.0,
        error: None,
    }
}

#[tokio::test]
async fn a_saved_image_is_read_back_from_the_project_and_counted_on_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("Kept").await.expect("project");
    let bytes = vec![7u8; 5000];
    let (image, _) = store
        .save_measured(p.id, &with_copy("a", &bytes), &job())
        .await
        .expect("save");
    let kept = store.kept_image(image).await.expect("read").expect("kept");
    assert_eq!(kept.bytes, bytes);
    assert!(!kept.downscaled);
    let record = &store.images(p.id).await.expect("images")[0];
    // The copy and the 3-byte thumbnail.
    assert_eq!(record.stored_bytes, 5003.0);
    assert!(!record.downscaled);
}

#[tokio::test]
async fn an_image_in_two_projects_is_kept_once_and_goes_with_the_last_of_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let a = store.create_project("A").await.expect("project");
    let b = store.create_project("B").await.expect("project");
    let (in_a, _) = store
        .save_measured(a.id, &with_copy("same", b"shared bytes"), &job())
        .await
        .expect("save");
    let (in_b, _) = store
        .save_measured(b.id, &with_copy("same", b"shared bytes"), &job())
        .await
        .expect("save");
    store
        .save_measured(a.id, &with_copy("only-a", b"only in A"), &job())
        .await
        .expect("save");
    assert_eq!(store.kept_image_count().await.expect("count"), 2);

    store.delete_project(a.id).await.expect("delete A");
    assert_eq!(
        store.kept_image_count().await.expect("count"),
        1,
        "A's own image went with it"
    );
    assert!(store.kept_image(in_a).await.expect("read").is_none());
    assert_eq!(
        store
            .kept_image(in_b)
            .await
            .expect("read")
            .expect("kept")
            .bytes,
        b"shared bytes",
        "B still shows the image it shares"
    );
    store.delete_project(b.id).await.expect("delete B");
    assert_eq!(store.kept_image_count().await.expect("count"), 0);
}

#[tokio::test]
async fn a_full_copy_replaces_a_downscaled_one_but_not_the_other_way() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("Sizes").await.expect("project");
    let small = NewImage {
        copy: Some(ImageCopy {
            bytes: b"small png".to_vec(),
            original_bytes: 40_000_000,
            downscaled: true,
        }),
        ..common::image("big", "big.png")
    };
    let (id, _) = store
        .save_measured(p.id, &small, &job())
        .await
        .expect("save");
    assert!(
        store
            .kept_image(id)
            .await
            .expect("read")
            .expect("kept")
            .downscaled
    );
    assert!(store.images(p.id).await.expect("images")[0].downscaled);
    store
        .keep_copy(
            "big",
            &ImageCopy {
                bytes: b"the whole file".to_vec(),
                original_bytes: 14,
                downscaled: false,
            },
        )
        .await
        .expect("keep");
    let kept = store.kept_image(id).await.expect("read").expect("kept");
    assert_eq!(
        (kept.bytes.as_slice(), kept.downscaled),
        (&b"the whole file"[..], false)
    );
    store
        .keep_copy("big", small.copy.as_ref().expect("copy"))
        .await
        .expect("keep");
    assert!(
        !store
            .kept_image(id)
            .await
            .expect("read")
            .expect("kept")
            .downscaled
    );
}
