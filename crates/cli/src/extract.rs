//! `copy-that extract`: measure images in parallel, merge, select the system's values.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Result};
use copy_that_measure::explain::{self, ImageReport};
use copy_that_measure::{extract_bytes, Dpr, Extraction, MeasureError};
use copy_that_spacing::{
    select_with_reasons, AggregateOptions, Measurement, SelectOptions, Selection, SpacingLibrary,
};
use serde::Serialize;

/// One measured image: where it came from, its content hash and what was measured.
pub struct Measured {
    pub path: PathBuf,
    pub hash: String,
    pub extraction: Extraction,
}

fn measure_one(path: &PathBuf, dpr: Dpr) -> Result<Measured, MeasureError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| MeasureError::Io {
        path: name.clone(),
        source,
    })?;
    let extraction = extract_bytes(&bytes, &name, dpr)?;
    Ok(Measured {
        path: path.clone(),
        hash: copy_that_store::content_hash(&bytes),
        extraction,
    })
}

/// Measures every image on all cores and reports failures per image.
pub fn measure_all(images: &[PathBuf], dpr: Dpr) -> Result<Vec<Measured>> {
    let results: Vec<Mutex<Option<Result<Measured, MeasureError>>>> =
        images.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let show = images.len() > 1 && std::io::stderr().is_terminal();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(images.len());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = images.get(i) else { break };
                let r = measure_one(path, dpr);
                if let Ok(mut slot) = results[i].lock() {
                    *slot = Some(r);
                }
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if show {
                    progress(n, images.len());
                }
            });
        }
    });
    if show {
        eprintln!();
    }
    let mut batch = Vec::new();
    let mut failed = 0;
    for (path, slot) in images.iter().zip(results) {
        match slot.into_inner().ok().flatten() {
            Some(Ok(e)) => batch.push(e),
            Some(Err(e)) => {
                failed += 1;
                eprintln!(
                    "copy-that: skipped {}",
                    crate::term::safe(&format!("{}: {e}", path.display()))
                );
            }
            None => {
                failed += 1;
                eprintln!(
                    "copy-that: skipped {}: measuring it failed",
                    crate::term::safe(&path.display().to_string())
                );
            }
        }
    }
    if batch.is_empty() && failed > 0 {
        bail!("no image could be measured");
    }
    Ok(batch)
}

/// Each image's selection by the local engine: its system values (the values the benchmark
/// scores) and why every other measurement was left out.
pub fn local_selections(batch: &[Measured]) -> Vec<Selection> {
    let select = SelectOptions::default();
    batch
        .iter()
        .map(|m| select_with_reasons(&m.extraction.measurements, &select))
        .collect()
}

/// One image's account, as `extract --json` prints it under `images`.
#[derive(Serialize)]
pub struct ImageEntry {
    pub file: String,
    #[serde(flatten)]
    pub report: ImageReport,
}

/// Every image's account; an image that yielded no confident token says so on stderr.
pub fn reports(batch: &[Measured], selections: &[Selection]) -> Vec<ImageEntry> {
    batch
        .iter()
        .zip(selections)
        .map(|(m, s)| {
            let entry = ImageEntry {
                file: m.path.display().to_string(),
                report: explain::report(&m.extraction, s),
            };
            // A note is only written when the image yielded nothing sure.
            if let Some(note) = &entry.report.note {
                eprintln!("copy-that: {}: {note}", crate::term::safe(&entry.file));
            }
            entry
        })
        .collect()
}

/// The `--explain` text for one image.
pub fn explain_text(e: &ImageEntry) -> String {
    let r = &e.report;
    let list = |v: &[explain::ValueCount]| {
        if v.is_empty() {
            return "-".to_string();
        }
        v.iter()
            .map(|c| format!("{}×{}", spacing_fmt(c.value_px), c.count))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = format!(
        "{}: {}×{} px at {}× ({}), {} distances measured, grid {} px\n",
        crate::term::safe(&e.file),
        r.width,
        r.height,
        spacing_fmt(r.dpr),
        explain::density_reason(r.dpr_source),
        r.measured,
        spacing_fmt(r.base_unit)
    );
    out += &format!("  kept:         {}\n", list(&r.kept));
    out += &format!("  off the grid: {}\n", list(&r.off_grid));
    out += &format!("  too rare:     {}\n", list(&r.too_rare));
    out += &format!("  unsure:       {}\n", list(&r.unsure));
    if let Some(n) = &r.note {
        out += &format!("  note: {n}\n");
    }
    out
}

fn spacing_fmt(v: f64) -> String {
    copy_that_spacing::analysis::fmt_px(v)
}

/// Merges the images' values into one library.
pub fn library(
    per_image: &[Vec<Measurement>],
    threshold: f64,
    provider: &str,
) -> Result<SpacingLibrary> {
    let options = AggregateOptions {
        threshold,
        provider: provider.into(),
        ..AggregateOptions::default()
    };
    Ok(copy_that_spacing::aggregate(per_image, &options)?)
}

fn progress(done: usize, total: usize) {
    let width = 30;
    let filled = done * width / total.max(1);
    let mut err = std::io::stderr().lock();
    let _ = write!(
        err,
        "\r[{}{}] {done}/{total} images",
        "#".repeat(filled),
        " ".repeat(width - filled)
    );
    let _ = err.flush();
}
