//! What the store's tests share.

#![allow(dead_code)] // each test binary uses its own part of it

use copy_that_spacing::{build_library, Measurement, SpacingLibrary};
use copy_that_store::{NewImage, ProjectSummary, Store};

/// An image row of a 1280×800 screenshot with no source path.
pub fn image(hash: &str, name: &str) -> NewImage {
    NewImage {
        content_hash: hash.into(),
        file_name: name.into(),
        width: 1280,
        height: 800,
        dpr: 1.0,
        dpr_source: "default".into(),
        thumbnail: vec![1, 2, 3],
        source_path: None,
        copy: None,
    }
}

/// A project's library built from the store's rows as the pipeline builds it (each image's
/// latest successful job, its library values, the hand edits) and saved back.
pub async fn rebuild(store: &Store, p: &ProjectSummary) -> SpacingLibrary {
    let images = store.images(p.id).await.expect("images");
    let latest = store.latest_jobs(p.id).await.expect("latest jobs");
    let ids: Vec<u32> = latest.iter().map(|&(_, job)| job).collect();
    let jobs = store.jobs(&ids).await.expect("jobs");
    let per_image: Vec<Vec<Measurement>> = images
        .iter()
        .map(|im| {
            jobs.iter()
                .find(|j| j.image_id == im.id)
                .map(|j| j.source.library_values(j.measurements.clone()))
                .unwrap_or_default()
        })
        .collect();
    let edits = store.edits(p.id).await.expect("edits");
    let known = store.known_names(p.id).await.expect("known names");
    let library =
        build_library(&per_image, &known, &edits, p.threshold, p.root_px).expect("library");
    store
        .save_library(p, &images, &library)
        .await
        .expect("save");
    library
}
