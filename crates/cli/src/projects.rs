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
        outln!("{}", serde_json::to_string_pretty(&projects)?)?;
        return Ok(());
    }
    if projects.is_empty() {
        outln!("no projects yet: `copy-that extract IMAGE... --project NAME` creates one")?;
        return Ok(());
    }
    outln!("{:<32} {:>7} {:>7}", "project", "images", "tokens")?;
    for p in projects {
        outln!(
            "{:<32} {:>7} {:>7}",
            crate::term::safe(&p.name),
            p.image_count,
            p.token_count
        )?;
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

/// `copy-that audit NAME`: the report the app's audit view shows, from the same engine function.
pub fn audit(dir: &Path, name: &str, json: bool) -> Result<()> {
    let (report, images) = runtime()?.block_on(async {
        let store = Store::open_dir(dir).await?;
        let read = async {
            let report = copy_that_pipeline::audit_project(&store, name).await?;
            let project = store.project(name).await?;
            anyhow::Ok((report, store.images(project.id).await?))
        }
        .await;
        store.close().await;
        read
    })?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(());
    }
    let file = |i: u32| {
        images.get(i as usize).map_or_else(
            || format!("image {}", i + 1),
            |im| crate::term::safe(&im.file_name),
        )
    };
    let snaps = |to: Option<f64>| to.map_or_else(String::new, |s| format!("; snaps to {s} px"));
    let files = |places: &[copy_that_spacing::AuditPlace]| {
        let mut seen: Vec<u32> = places.iter().map(|p| p.image).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter().map(file).collect::<Vec<_>>().join(", ")
    };
    let reason = |r: copy_that_spacing::AuditReason| match r {
        copy_that_spacing::AuditReason::OffGrid => format!("off the {} px grid", report.base_unit),
        copy_that_spacing::AuditReason::Rare => "used once or twice".to_string(),
    };
    outln!("in the library ({} px grid):", report.base_unit)?;
    if report.tokens.is_empty() {
        outln!("  every token is on the grid and used more than twice (or kept on purpose)")?;
    }
    for t in &report.tokens {
        let snap = snaps(t.snap_to_px);
        let uses = if t.uses == 1 { "use" } else { "uses" };
        outln!(
            "  {:>6} px  {:<12} {} · {} {uses}{snap} — {}",
            t.value_px,
            crate::term::safe(&t.name),
            reason(t.reason),
            t.uses,
            files(&t.places)
        )?;
    }
    outln!("measured but left out:")?;
    if report.left_out.is_empty() {
        outln!("  nothing measured with confidence was left out")?;
    }
    for l in &report.left_out {
        let why = match l.reason {
            copy_that_spacing::AuditReason::OffGrid => "off its image's grid",
            copy_that_spacing::AuditReason::Rare => "seen too seldom",
        };
        outln!(
            "  {:>6} px  {why} · measured {}×{} — {}",
            l.value_px,
            l.count,
            snaps(l.snap_to_px),
            files(&l.places)
        )?;
    }
    Ok(())
}
