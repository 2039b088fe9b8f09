//! One batch: measure on a pool of workers, save and merge on one writer, report every phase.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use copy_that_ai::{cache_key, extract_ai, hybrid, AiClient};
use copy_that_measure::{decode, explain, measure, Dpr, Extraction, ALGORITHM_VERSION};
use copy_that_spacing::{select_with_reasons, Measurement, SelectOptions, Selection};
use copy_that_store::{content_hash, NewImage, NewJob, ProjectSummary, Store};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::error::PipelineError;
use crate::events::{BatchSummary, ExtractEvent, ImagePhase, QueuedImage};
use crate::files::{display_name, expand, read_regular, MAX_IMAGE_FILE_BYTES};
use crate::settings::Settings;

/// Where a batch's events go. Called from worker threads.
pub type Emit = Arc<dyn Fn(ExtractEvent) + Send + Sync>;

/// The library is rebuilt after an image is saved at most this often (and always at the end).
const LIBRARY_EVERY: Duration = Duration::from_millis(250);
const THUMBNAIL_PX: u32 = 320;

/// What a worker hands the writer for one image.
struct Measured {
    index: u32,
    path: PathBuf,
    hash: String,
    extraction: Extraction,
    thumbnail: Vec<u8>,
    provider: String,
    model: String,
    /// What the job keeps: every raw local measurement, or the AI engine's values.
    measurements: Vec<Measurement>,
}

fn phase(emit: &Emit, index: u32, phase: ImagePhase) {
    emit(ExtractEvent::Phase { index, phase });
}

/// Decodes and measures one file on a blocking thread.
async fn measure_file(
    index: u32,
    path: PathBuf,
    emit: Emit,
) -> Result<(Vec<u8>, Extraction, Vec<u8>), String> {
    phase(&emit, index, ImagePhase::Decoding);
    let bytes = {
        let path = path.clone();
        tokio::task::spawn_blocking(move || read_regular(&path, MAX_IMAGE_FILE_BYTES))
            .await
            .map_err(|e| format!("it could not be read ({e})"))?
            .map_err(|e| format!("it could not be read ({e})"))?
    };
    let name = display_name(&path);
    tokio::task::spawn_blocking(move || {
        let t0 = Instant::now();
        let decoded = decode::decode(&bytes, &name).map_err(|e| e.to_string())?;
        let decode_ms = t0.elapsed().as_secs_f64() * 1000.0;
        phase(&emit, index, ImagePhase::Measuring);
        let mut e = measure(
            &decoded.raster,
            decoded.format.lossy(),
            decoded.metadata_density,
            Dpr::Auto,
        );
        e.decode_ms = decode_ms;
        let thumbnail = decoded.raster.thumbnail_png(THUMBNAIL_PX);
        Ok((bytes, e, thumbnail))
    })
    .await
    .map_err(|e| format!("measuring it failed ({e})"))?
}

/// The AI engine's values for an image, from the project's reply cache when it has them.
async fn ask_ai(
    store: &Store,
    client: &AiClient,
    bytes: &[u8],
    dpr: f64,
    cancel: &CancellationToken,
) -> Result<Vec<Measurement>, String> {
    let key = cache_key(bytes, client.provider(), client.model());
    if let Ok(Some(hit)) = store.ai_cache_get(&key).await {
        return Ok(hit);
    }
    let values = extract_ai(client, bytes, dpr, cancel)
        .await
        .map_err(|e| e.to_string())?;
    // A cache write that fails costs a repeat request later, nothing now.
    let _ = store.ai_cache_put(&key, &values).await;
    Ok(values)
}

/// Says so when an image yields no confident spacing, the same account `copy-that extract` gives.
fn note_if_unsure(emit: &Emit, index: u32, extraction: &Extraction, selection: &Selection) {
    if let Some(note) = explain::report(extraction, selection).note {
        emit(ExtractEvent::Note { index, note });
    }
}

#[allow(clippy::too_many_arguments)]
async fn work(
    index: u32,
    path: PathBuf,
    store: Store,
    client: Option<AiClient>,
    hybrid_run: bool,
    limit: Arc<Semaphore>,
    cancel: CancellationToken,
    emit: Emit,
) -> Option<Result<Measured, (u32, String)>> {
    let _permit = tokio::select! {
        p = limit.acquire_owned() => p.ok()?,
        () = cancel.cancelled() => return None,
    };
    if cancel.is_cancelled() {
        return None;
    }
    let fail = |reason: String| Some(Err((index, reason)));
    let (bytes, extraction, thumbnail) = match measure_file(index, path.clone(), emit.clone()).await
    {
        Ok(v) => v,
        Err(reason) => return fail(reason),
    };
    phase(&emit, index, ImagePhase::Naming);
    // The image's own selection: said in words when unsure, and what hybrid snaps the AI to.
    let selection = select_with_reasons(&extraction.measurements, &SelectOptions::default());
    note_if_unsure(&emit, index, &extraction, &selection);
    let hash = content_hash(&bytes);
    let (provider, model, measurements) = match &client {
        None => (
            "local".to_string(),
            ALGORITHM_VERSION.to_string(),
            extraction.measurements.clone(),
        ),
        Some(client) => {
            let ai = match ask_ai(&store, client, &bytes, extraction.dpr, &cancel).await {
                Ok(ai) => ai,
                Err(reason) if hybrid_run => {
                    // Hybrid keeps the measured values when the model fails; say so.
                    emit(ExtractEvent::Failed {
                        index,
                        reason: format!("{reason} (kept the measured values without AI context)"),
                    });
                    return Some(Ok(Measured {
                        index,
                        path,
                        hash,
                        measurements: extraction.measurements.clone(),
                        extraction,
                        thumbnail,
                        provider: "local".into(),
                        model: ALGORITHM_VERSION.into(),
                    }));
                }
                Err(reason) => return fail(reason),
            };
            if hybrid_run {
                (
                    "hybrid".into(),
                    client.model().into(),
                    hybrid::snap(&ai, &selection.kept),
                )
            } else {
                (client.provider().name().into(), client.model().into(), ai)
            }
        }
    };
    Some(Ok(Measured {
        index,
        path,
        hash,
        extraction,
        thumbnail,
        provider,
        model,
        measurements,
    }))
}

async fn save(store: &Store, project: &ProjectSummary, m: Measured) -> Result<(), PipelineError> {
    let e = &m.extraction;
    let image = NewImage {
        content_hash: m.hash,
        file_name: display_name(&m.path),
        width: e.width,
        height: e.height,
        dpr: e.dpr,
        dpr_source: e.dpr_source.as_str().into(),
        thumbnail: m.thumbnail,
        source_path: Some(
            std::fs::canonicalize(&m.path)
                .unwrap_or(m.path)
                .display()
                .to_string(),
        ),
    };
    let (image_id, _) = store.add_image(project.id, &image).await?;
    let job = NewJob {
        provider: m.provider,
        model: m.model,
        measurements: m.measurements,
        elapsed_ms: e.decode_ms + e.measure_ms,
        error: None,
    };
    store.record_job(project.id, image_id, &job).await?;
    Ok(())
}

async fn publish(store: &Store, name: &str, emit: &Emit) -> Result<(), PipelineError> {
    let project = store.project(name).await?;
    let stored = store.rebuild(&project).await?;
    emit(ExtractEvent::Library {
        library: Box::new(stored),
    });
    Ok(())
}

/// Measures `paths` (files or folders) into the project `name`, reporting through `emit`.
/// Per-image failures are reported and skipped; a store failure stops the batch (what was saved
/// before it stays). Cancelling stops starting new images; the ones in flight finish and are kept.
pub async fn run_batch(
    store: &Store,
    name: &str,
    paths: &[PathBuf],
    settings: &Settings,
    client: Option<AiClient>,
    cancel: &CancellationToken,
    emit: Emit,
) -> Result<BatchSummary, PipelineError> {
    let started = Instant::now();
    settings.validate()?;
    let project = store.project(name).await?;
    let (files, skipped) = expand(paths);
    let mut summary = BatchSummary {
        skipped: skipped.len() as u32,
        ..BatchSummary::default()
    };
    emit(ExtractEvent::Queued {
        images: files
            .iter()
            .enumerate()
            .map(|(i, p)| QueuedImage {
                index: i as u32,
                file_name: display_name(p),
                path: p.display().to_string(),
            })
            .collect(),
        skipped,
    });
    let hybrid_run = settings.engine == copy_that_ai::EngineKind::Hybrid;
    let limit = Arc::new(Semaphore::new(settings.concurrency.max(1) as usize));
    let mut set = JoinSet::new();
    for (i, path) in files.iter().enumerate() {
        set.spawn(work(
            i as u32,
            path.clone(),
            store.clone(),
            client.clone(),
            hybrid_run,
            limit.clone(),
            cancel.clone(),
            emit.clone(),
        ));
    }
    let mut last_publish = Instant::now();
    let mut unpublished = false;
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok(Some(Ok(m))) => {
                let index = m.index;
                phase(&emit, index, ImagePhase::Aggregating);
                if let Err(e) = save(store, &project, m).await {
                    set.abort_all();
                    return Err(e);
                }
                phase(&emit, index, ImagePhase::Saved);
                summary.saved += 1;
                unpublished = true;
                if last_publish.elapsed() >= LIBRARY_EVERY {
                    publish(store, name, &emit).await?;
                    last_publish = Instant::now();
                    unpublished = false;
                }
            }
            Ok(Some(Err((index, reason)))) => {
                summary.failed += 1;
                emit(ExtractEvent::Failed { index, reason });
            }
            Ok(None) => summary.cancelled += 1,
            Err(e) => {
                summary.failed += 1;
                emit(ExtractEvent::Failed {
                    index: u32::MAX,
                    reason: format!("a worker stopped unexpectedly ({e})"),
                });
            }
        }
    }
    if unpublished || summary.saved == 0 {
        publish(store, name, &emit).await?;
    }
    summary.elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    emit(ExtractEvent::Finished { summary });
    Ok(summary)
}
