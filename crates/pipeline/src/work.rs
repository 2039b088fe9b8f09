//! One image's work, on a pool of workers: read it (regular files only), decode, measure, make
//! its thumbnail, select its system values, ask the AI engine when one is chosen.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use copy_that_ai::{cache_key, extract_ai, hybrid, AiClient, MemoryCache};
use copy_that_measure::{decode, explain, measure, Dpr, Extraction, ALGORITHM_VERSION};
use copy_that_spacing::{select_with_reasons, JobSource, Measurement, SelectOptions, Selection};
use copy_that_store::{content_hash, ImageCopy, Store};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use crate::events::{ExtractEvent, ImagePhase, Sink};
use crate::files::{display_name, read_regular, MAX_IMAGE_FILE_BYTES};
use crate::library::source_of;

/// Where a batch's events go. Called from worker threads.
pub type Emit = Arc<dyn Sink>;

/// The thumbnail's long side, in pixels: made here, for every face that saves an image.
const THUMBNAIL_PX: u32 = 320;

/// Where AI replies are kept: the project's database, or this run's memory when nothing is saved.
#[derive(Clone)]
pub(crate) enum Cache {
    Store(Store),
    Memory(Arc<MemoryCache>),
}

impl Cache {
    async fn get(&self, key: &str) -> Option<Vec<Measurement>> {
        match self {
            Cache::Store(s) => s.ai_cache_get(key).await.ok().flatten(),
            Cache::Memory(m) => m.get(key),
        }
    }

    /// A cache write that fails costs a repeat request later, nothing now.
    async fn put(&self, key: &str, values: &[Measurement]) {
        match self {
            Cache::Store(s) => {
                let _ = s.ai_cache_put(key, values).await;
            }
            Cache::Memory(m) => m.put(key, values),
        }
    }
}

/// What every worker of a batch shares.
pub(crate) struct Workers {
    pub client: Option<AiClient>,
    pub hybrid: bool,
    pub cache: Cache,
    pub dpr: Dpr,
    /// Whether images are saved (and so need a thumbnail).
    pub thumbnails: bool,
    pub limit: Semaphore,
    pub cancel: CancellationToken,
    pub emit: Emit,
}

/// What a worker hands the writer for one image.
pub(crate) struct Measured {
    pub index: u32,
    pub path: PathBuf,
    pub hash: String,
    pub extraction: Extraction,
    pub thumbnail: Vec<u8>,
    /// What the project keeps of the image (only when images are saved).
    pub copy: Option<ImageCopy>,
    pub source: JobSource,
    pub model: String,
    pub values: Values,
}

/// An image's values, by engine.
pub(crate) enum Values {
    /// The local engine: the job keeps every raw measurement (the extraction's), and a library
    /// takes the selection's kept values.
    Local { kept: Vec<Measurement> },
    /// An AI engine, or hybrid (its values snapped to the measured ones): the same values for the
    /// job and the library.
    Ai(Vec<Measurement>),
}

impl Values {
    /// What the image adds to a library.
    pub fn library(self) -> Vec<Measurement> {
        match self {
            Values::Local { kept } => kept,
            Values::Ai(values) => values,
        }
    }
}

/// One image's outcome: measured, failed with a reason, or never started (cancelled).
pub(crate) type Outcome = Option<Result<Measured, (u32, String)>>;

pub(crate) fn phase(emit: &Emit, index: u32, phase: ImagePhase) {
    emit.event(ExtractEvent::Phase { index, phase });
}

struct Read {
    bytes: Vec<u8>,
    extraction: Extraction,
    thumbnail: Vec<u8>,
    /// A downscaled PNG to keep instead of a file over [`MAX_KEPT_BYTES`].
    downscaled: Option<Vec<u8>>,
}

/// The largest file a project keeps whole; a larger one is kept as a PNG whose long side is
/// [`DOWNSCALED_PX`] (a 16384 px screenshot of 60 MB, say, is kept at a few MB).
pub const MAX_KEPT_BYTES: usize = 32 * 1024 * 1024;
const DOWNSCALED_PX: u32 = 4096;

/// Reads, decodes and measures one file on blocking threads.
async fn measure_file(index: u32, path: PathBuf, w: &Arc<Workers>) -> Result<Read, String> {
    phase(&w.emit, index, ImagePhase::Decoding);
    let bytes = {
        let path = path.clone();
        tokio::task::spawn_blocking(move || read_regular(&path, MAX_IMAGE_FILE_BYTES))
            .await
            .map_err(|e| format!("it could not be read ({e})"))?
            .map_err(|e| format!("it could not be read ({e})"))?
    };
    let name = display_name(&path);
    let w = w.clone();
    tokio::task::spawn_blocking(move || {
        let t0 = Instant::now();
        let decoded = decode::decode(&bytes, &name).map_err(|e| e.to_string())?;
        let decode_ms = t0.elapsed().as_secs_f64() * 1000.0;
        phase(&w.emit, index, ImagePhase::Measuring);
        let mut extraction = measure(
            &decoded.raster,
            decoded.format.lossy(),
            decoded.metadata_density,
            w.dpr,
        );
        extraction.decode_ms = decode_ms;
        let thumbnail = if w.thumbnails {
            decoded.raster.thumbnail_png(THUMBNAIL_PX)
        } else {
            Vec::new()
        };
        let downscaled = (w.thumbnails && bytes.len() > MAX_KEPT_BYTES)
            .then(|| decoded.raster.thumbnail_png(DOWNSCALED_PX));
        Ok(Read {
            bytes,
            extraction,
            thumbnail,
            downscaled,
        })
    })
    .await
    .map_err(|e| format!("measuring it failed ({e})"))?
}

/// The AI engine's values for an image, from the reply cache when it has them.
async fn ask_ai(
    w: &Workers,
    client: &AiClient,
    bytes: &[u8],
    dpr: f64,
) -> Result<Vec<Measurement>, String> {
    let key = cache_key(bytes, client.provider(), client.model());
    if let Some(hit) = w.cache.get(&key).await {
        return Ok(hit);
    }
    let values = extract_ai(client, bytes, dpr, &w.cancel)
        .await
        .map_err(|e| e.to_string())?;
    w.cache.put(&key, &values).await;
    Ok(values)
}

/// Says so when an image yields no confident spacing, in the words `copy-that extract` prints.
fn note_if_unsure(emit: &Emit, index: u32, extraction: &Extraction, selection: &Selection) {
    if let Some(note) = explain::note(extraction, selection) {
        emit.event(ExtractEvent::Note { index, note });
    }
}

/// The engine's part: source, model and values.
type Engine = (JobSource, String, Values);

fn local_values(selection: Selection) -> Engine {
    (
        JobSource::Local,
        ALGORITHM_VERSION.into(),
        Values::Local {
            kept: selection.kept,
        },
    )
}

pub(crate) async fn work(index: u32, path: PathBuf, w: Arc<Workers>) -> Outcome {
    let _permit = tokio::select! {
        p = w.limit.acquire() => p.ok()?,
        () = w.cancel.cancelled() => return None,
    };
    if w.cancel.is_cancelled() {
        return None;
    }
    let read = match measure_file(index, path.clone(), &w).await {
        Ok(v) => v,
        Err(reason) => return Some(Err((index, reason))),
    };
    let extraction = read.extraction;
    phase(&w.emit, index, ImagePhase::Naming);
    // The image's own selection: said in words when unsure, and what hybrid snaps the AI to.
    let selection = select_with_reasons(&extraction.measurements, &SelectOptions::default());
    note_if_unsure(&w.emit, index, &extraction, &selection);
    w.emit.measured(index, &extraction, &selection);
    let (source, model, values) = match &w.client {
        None => local_values(selection),
        Some(client) => match ask_ai(&w, client, &read.bytes, extraction.dpr).await {
            Ok(ai) if w.hybrid => {
                let snapped = hybrid::snap(&ai, &selection.kept);
                (
                    JobSource::Hybrid,
                    client.model().into(),
                    Values::Ai(snapped),
                )
            }
            Ok(ai) => (
                source_of(client.provider()),
                client.model().into(),
                Values::Ai(ai),
            ),
            // Hybrid keeps the measured values when the model fails; say so.
            Err(reason) if w.hybrid => {
                w.emit.event(ExtractEvent::Failed {
                    index,
                    reason: format!("{reason} (kept the measured values without AI context)"),
                });
                local_values(selection)
            }
            Err(reason) => return Some(Err((index, reason))),
        },
    };
    if let Some(png) = &read.downscaled {
        let mb = |n: usize| n as f64 / (1024.0 * 1024.0);
        w.emit.event(ExtractEvent::Note {
            index,
            note: format!(
                "kept in the project as a downscaled copy ({DOWNSCALED_PX} px on its long side, \
                 {:.1} MB): the file is {:.0} MB, over the {:.0} MB kept whole",
                mb(png.len()),
                mb(read.bytes.len()),
                mb(MAX_KEPT_BYTES)
            ),
        });
    }
    let hash = content_hash(&read.bytes);
    let copy = w.thumbnails.then(|| ImageCopy {
        original_bytes: read.bytes.len() as u64,
        downscaled: read.downscaled.is_some(),
        bytes: read.downscaled.unwrap_or(read.bytes),
    });
    Some(Ok(Measured {
        index,
        path,
        hash,
        extraction,
        thumbnail: read.thumbnail,
        copy,
        source,
        model,
        values,
    }))
}
