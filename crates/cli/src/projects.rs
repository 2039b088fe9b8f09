//! `--project`, `projects` and `show`: the CLI over the project store.

use std::path::Path;

use anyhow::{Context, Result};
use copy_that_spacing::SpacingLibrary;
use copy_that_store::Store;

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
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
        let lib = copy_that_pipeline::load_library(&store, name).await;
        store.close().await;
        lib
    })?;
    // Said on stderr, so `show --json` stays one JSON document.
    for f in &stored.failures {
        eprintln!(
            "copy-that: note: {} failed when it was added ({}); `copy-that extract {} --project {}` tries again",
            crate::term::safe(&f.file_name),
            crate::term::safe(&f.reason),
            crate::term::safe(&f.path),
            crate::term::safe(name)
        );
    }
    Ok(stored.library)
}
