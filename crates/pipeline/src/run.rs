//! One batch: measure on a pool of workers, keep each image on one writer (saved in a project or
//! merged in memory), report every phase. The app and `copy-that extract` both run this.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use copy_that_ai::{AiClient, EngineKind, MemoryCache};
use copy_that_measure::Dpr;
use copy_that_spacing::SpacingLibrary;
use copy_that_store::Store;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::engine::engine_name;
use crate::error::PipelineError;
use crate::events::{BatchSummary, ExtractEvent, ImagePhase, QueuedImage};
use crate::files::{display_name, expand};
use crate::settings::Settings;
use crate::target::{Target, Writer};
use crate::work::{phase, work, Cache, Outcome, Workers};

pub use crate::work::Emit;

/// A project's library is rebuilt after an image is saved at most this often (and always at the end).
const LIBRARY_EVERY: Duration = Duration::from_millis(250);

/// What to run: the files, where they go, and how they are measured.
pub struct Batch<'a> {
    /// Files or folders (folders are searched for images).
    pub paths: &'a [PathBuf],
    pub target: Target<'a>,
    /// The engine (with `client`, built from them) and how many images are measured at once.
    pub settings: &'a Settings,
    pub client: Option<AiClient>,
    /// Image pixels per CSS pixel: detected per image, or forced (`extract --dpr`).
    pub dpr: Dpr,
}

/// How a batch ended.
#[derive(Debug, Clone)]
pub struct Finished {
    pub summary: BatchSummary,
    /// The library it ends with: the project's (as last rebuilt), or the kept images' values
    /// merged when nothing is saved (`None` when no image was kept).
    pub library: Option<SpacingLibrary>,
}

/// Measures `paths` (files or folders) into the project `name`, reporting through `emit`: the
/// app's batch, [`run`] with a project target.
pub async fn run_batch(
    store: &Store,
    name: &str,
    paths: &[PathBuf],
    settings: &Settings,
    client: Option<AiClient>,
    cancel: &CancellationToken,
    emit: Emit,
) -> Result<BatchSummary, PipelineError> {
    let batch = Batch {
        paths,
        target: Target::Project { store, name },
        settings,
        client,
        dpr: Dpr::Auto,
    };
    Ok(run(batch, cancel, emit).await?.summary)
}

fn queued(files: &[PathBuf]) -> Vec<QueuedImage> {
    files
        .iter()
        .enumerate()
        .map(|(i, p)| QueuedImage {
            index: i as u32,
            file_name: display_name(p),
            path: p.display().to_string(),
        })
        .collect()
}

/// Runs a batch. Per-image failures are reported and skipped; a store failure stops the batch
/// (what was saved before it stays). Cancelling stops starting new images; the ones in flight
/// finish and are kept.
pub async fn run(
    batch: Batch<'_>,
    cancel: &CancellationToken,
    emit: Emit,
) -> Result<Finished, PipelineError> {
    let started = Instant::now();
    batch.settings.validate()?;
    let mut writer = Writer::open(&batch.target, engine_name(batch.settings.engine)).await?;
    let (files, skipped) = expand(batch.paths);
    let mut summary = BatchSummary {
        skipped: skipped.len() as u32,
        ..BatchSummary::default()
    };
    emit.event(ExtractEvent::Queued {
        images: queued(&files),
        skipped,
    });
    let cache = match batch.target {
        Target::Project { store, .. } => Cache::Store(store.clone()),
        Target::Memory { .. } => Cache::Memory(Arc::new(MemoryCache::default())),
    };
    let workers = Arc::new(Workers {
        client: batch.client,
        hybrid: batch.settings.engine == EngineKind::Hybrid,
        cache,
        dpr: batch.dpr,
        thumbnails: writer.saves(),
        limit: Semaphore::new(batch.settings.concurrency.get() as usize),
        cancel: cancel.clone(),
        emit: emit.clone(),
    });
    let mut set = JoinSet::new();
    for (i, path) in files.iter().enumerate() {
        set.spawn(work(i as u32, path.clone(), workers.clone()));
    }
    let mut last_publish = Instant::now();
    let mut unpublished = false;
    while let Some(joined) = set.join_next().await {
        let outcome: Outcome = joined.unwrap_or_else(|e| {
            Some(Err((
                u32::MAX,
                format!("a worker stopped unexpectedly ({e})"),
            )))
        });
        match outcome {
            Some(Ok(m)) => {
                let index = m.index;
                phase(&emit, index, ImagePhase::Aggregating);
                if let Err(e) = writer.keep(m).await {
                    set.abort_all();
                    return Err(e);
                }
                phase(&emit, index, ImagePhase::Saved);
                summary.saved += 1;
                unpublished = true;
                if last_publish.elapsed() >= LIBRARY_EVERY {
                    writer.publish(&emit).await?;
                    last_publish = Instant::now();
                    unpublished = false;
                }
            }
            Some(Err((index, reason))) => {
                summary.failed += 1;
                if let Some(path) = files.get(index as usize) {
                    writer.failed(path, &reason).await?;
                }
                emit.event(ExtractEvent::Failed { index, reason });
            }
            None => summary.cancelled += 1,
        }
    }
    if unpublished || summary.saved == 0 {
        writer.publish(&emit).await?;
    }
    let library = writer.finish()?;
    summary.elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    emit.event(ExtractEvent::Finished { summary });
    Ok(Finished { summary, library })
}
