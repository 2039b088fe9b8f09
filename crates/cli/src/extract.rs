//! `copy-that extract`: the app's pipeline, run from the command line. With `--project` the batch
//! saves into the project (thumbnail, source path, job, rebuilt library: what the app saves);
//! without, it is the same batch keeping nothing, its images merged in memory.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use copy_that_ai::{AiClient, EngineKind, Provider};
use copy_that_measure::explain;
use copy_that_measure::{Dpr, Extraction};
use copy_that_pipeline::{run, Batch, Finished, Settings, Target};
use copy_that_spacing::analysis::fmt_px;
use copy_that_spacing::{MergeThreshold, SpacingLibrary};
use copy_that_store::Store;
use tokio_util::sync::CancellationToken;

use crate::progress::{ImageEntry, Keep, Progress};

/// What `extract` was asked to do.
pub struct Request {
    pub images: Vec<PathBuf>,
    pub dpr: Dpr,
    /// `None`: a project's own threshold, else the settings' default ([`Settings::default`]).
    pub threshold: Option<MergeThreshold>,
    pub project: Option<String>,
    pub engine: EngineKind,
    pub hybrid_with: Provider,
    pub client: Option<AiClient>,
    pub keep: Keep,
}

/// What `extract` prints.
pub struct Extracted {
    pub library: SpacingLibrary,
    pub extractions: Vec<Extraction>,
    pub images: Vec<ImageEntry>,
}

/// A runtime whose blocking pool (where images are read and measured) is no larger than the
/// batch's concurrency: more threads would only add allocator arenas (memory), not speed.
fn runtime(concurrency: u32) -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(concurrency.max(1) as usize)
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// Ctrl-C stops new images from starting (the ones in flight finish and are kept); a second one
/// quits at once.
fn on_ctrl_c(cancel: CancellationToken) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!("\ncopy-that: stopping after the images in flight (Ctrl-C again quits now)");
            cancel.cancel();
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(130);
            }
        }
    })
}

/// Creates the project if needed (with the saved settings' threshold and root size, as the app
/// creates one); `--threshold` becomes the project's merge threshold (it is
/// kept for later rebuilds, in the app too; checked when the flag was read).
async fn open_project(store: &Store, name: &str, threshold: Option<MergeThreshold>) -> Result<()> {
    let project = copy_that_pipeline::projects::ensure_project(store, name).await?;
    if let Some(t) = threshold {
        store
            .set_project_options(project.id, t, project.root_px)
            .await
            .with_context(|| format!("setting the merge threshold of project \"{name}\""))?;
    }
    Ok(())
}

/// Runs the batch: into the project when one is named, else in memory.
pub fn extract(data_dir: &Path, req: Request) -> Result<Extracted> {
    let settings = Settings {
        engine: req.engine,
        hybrid_with: req.hybrid_with,
        ..Settings::default()
    };
    let progress = Arc::new(Progress::new(req.keep));
    runtime(settings.concurrency.get())?.block_on(async {
        let store = match &req.project {
            Some(name) => {
                let store = Store::open_dir(data_dir).await?;
                open_project(&store, name, req.threshold).await?;
                Some(store)
            }
            None => None,
        };
        let target = match (&store, &req.project) {
            (Some(store), Some(name)) => Target::Project { store, name },
            _ => Target::Memory {
                threshold: req.threshold.unwrap_or(settings.threshold),
                root_px: settings.root_px,
            },
        };
        let batch = Batch {
            paths: &req.images,
            target,
            settings: &settings,
            client: req.client,
            dpr: req.dpr,
        };
        let cancel = CancellationToken::new();
        let ctrl_c = on_ctrl_c(cancel.clone());
        let finished = run(batch, &cancel, progress.clone()).await;
        ctrl_c.abort();
        if let Some(store) = store {
            store.close().await;
        }
        let collected = progress.finish();
        let Finished { summary, library } = finished?;
        if summary.cancelled > 0 {
            bail!(
                "interrupted: {} images kept{}, {} not started",
                summary.saved,
                if req.project.is_some() {
                    " in the project"
                } else {
                    ""
                },
                summary.cancelled
            );
        }
        let library = match library {
            Some(library) if summary.saved > 0 => library,
            _ => bail!("no image could be measured"),
        };
        Ok(Extracted {
            library,
            extractions: collected.extractions,
            images: collected.images,
        })
    })
}

/// The `--explain` text for one image.
pub fn explain_text(e: &ImageEntry) -> String {
    let r = &e.report;
    let list = |v: &[explain::ValueCount]| {
        if v.is_empty() {
            return "-".to_string();
        }
        v.iter()
            .map(|c| format!("{}×{}", fmt_px(c.value_px), c.count))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = format!(
        "{}: {}×{} px at {}× ({}), {} distances measured, grid {} px\n",
        crate::term::safe(&e.file),
        r.width,
        r.height,
        fmt_px(r.dpr),
        explain::density_reason(r.dpr_source),
        r.measured,
        fmt_px(r.base_unit)
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
