//! `--project`, `projects` and `show`: the CLI over the project store.

use std::path::Path;

use anyhow::{Context, Result};
use copy_that_pipeline::files::display_name;
use copy_that_spacing::SpacingLibrary;
use copy_that_store::{NewImage, NewJob, Store};

use crate::ai::ImageResult;
use crate::extract::Measured;

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// Saves measured images in a project (one transaction per image) and rebuilds its library.
/// Local jobs keep every raw measurement (the library selects from them); AI and hybrid jobs keep
/// their values.
pub fn save(
    dir: &Path,
    name: &str,
    measured: &[Measured],
    results: &[Option<ImageResult>],
) -> Result<SpacingLibrary> {
    runtime()?.block_on(async {
        let store = Store::open_dir(dir).await?;
        let project = store.ensure_project(name).await?;
        for (m, result) in measured.iter().zip(results) {
            let Some(result) = result else { continue };
            let e = &m.extraction;
            let image = NewImage {
                content_hash: m.hash.clone(),
                file_name: display_name(&m.path),
                width: e.width,
                height: e.height,
                dpr: e.dpr,
                dpr_source: e.dpr_source.as_str().into(),
                thumbnail: e.thumbnail.clone(),
                source_path: std::fs::canonicalize(&m.path)
                    .ok()
                    .map(|p| p.display().to_string()),
            };
            let (image_id, _) = store.add_image(project.id, &image).await?;
            let job = NewJob {
                provider: result.provider.clone(),
                model: result.model.clone(),
                measurements: if result.provider == "local" {
                    e.measurements.clone()
                } else {
                    result.measurements.clone()
                },
                elapsed_ms: e.decode_ms + e.measure_ms,
                error: None,
            };
            store.record_job(project.id, image_id, &job).await?;
        }
        let project = store.project(name).await?;
        let library = store.reaggregate(&project).await?;
        store.close().await;
        Ok(library)
    })
}

pub fn list(dir: &Path, json: bool) -> Result<()> {
    let projects = runtime()?.block_on(async {
        let store = Store::open_dir(dir).await?;
        let list = store.list_projects().await;
        store.close().await;
        list
    })?;
    if json {
        println!("{}", serde_json::to_string_pretty(&projects)?);
        return Ok(());
    }
    if projects.is_empty() {
        println!("no projects yet: `copy-that extract IMAGE... --project NAME` creates one");
        return Ok(());
    }
    println!("{:<32} {:>7} {:>7}", "project", "images", "tokens");
    for p in projects {
        println!(
            "{:<32} {:>7} {:>7}",
            crate::term::safe(&p.name),
            p.image_count,
            p.token_count
        );
    }
    Ok(())
}

pub fn show(dir: &Path, name: &str) -> Result<SpacingLibrary> {
    let stored = runtime()?.block_on(async {
        let store = Store::open_dir(dir).await?;
        let lib = store.load_library(name).await;
        store.close().await;
        lib
    })?;
    Ok(stored.library)
}
