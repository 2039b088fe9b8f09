//! Where a batch's measured images go: saved in a project (its library rebuilt as they arrive),
//! or kept in memory and merged once at the end (nothing saved).

use std::collections::BTreeMap;

use copy_that_spacing::{
    aggregate, AggregateOptions, Measurement, MergeThreshold, RootPx, SpacingLibrary,
};
use copy_that_store::{NewImage, NewJob, ProjectSummary, Store};

use crate::error::PipelineError;
use crate::events::ExtractEvent;
use crate::files::display_name;
use crate::library::{rebuild_with, ProjectValues};
use crate::work::{Emit, Measured, Values};

/// Where a batch's images go.
pub enum Target<'a> {
    /// Saved in this (existing) project, one job per image, its library rebuilt as images
    /// arrive; AI replies cached in the project database. The app, and `extract --project`.
    Project { store: &'a Store, name: &'a str },
    /// Nothing saved: each image's values are merged once at the end with this threshold and
    /// root font size; AI replies are cached for the run only. `copy-that extract` alone.
    Memory {
        threshold: MergeThreshold,
        root_px: RootPx,
    },
}

/// The writer's side of a target: one place where measured images land.
pub(crate) enum Writer<'a> {
    Project {
        store: &'a Store,
        project: ProjectSummary,
        /// Each image's library values, so a rebuild reads only jobs it has not seen.
        values: ProjectValues,
        last: Option<SpacingLibrary>,
    },
    Memory {
        /// Each kept image's values, by queue index (the library's image order).
        images: BTreeMap<u32, Vec<Measurement>>,
        options: AggregateOptions,
    },
}

impl<'a> Writer<'a> {
    /// Checks the target before anything is read: the project exists.
    pub async fn open(target: &Target<'a>, engine: &str) -> Result<Writer<'a>, PipelineError> {
        Ok(match *target {
            Target::Project { store, name } => Writer::Project {
                store,
                project: store.project(name).await?,
                values: ProjectValues::default(),
                last: None,
            },
            Target::Memory { threshold, root_px } => Writer::Memory {
                images: BTreeMap::new(),
                options: AggregateOptions {
                    threshold,
                    root_px,
                    provider: engine.into(),
                    ..AggregateOptions::default()
                },
            },
        })
    }

    /// Whether images are saved (and so need a thumbnail and a place in the database).
    pub fn saves(&self) -> bool {
        matches!(self, Writer::Project { .. })
    }

    /// Keeps one measured image: its image row and job, or its values in memory.
    pub async fn keep(&mut self, m: Measured) -> Result<(), PipelineError> {
        match self {
            Writer::Project {
                store,
                project,
                values,
                ..
            } => {
                let path = source_path(&m.path);
                let (image, job, kept) = save(store, project, m).await?;
                values.recorded(image, job, kept);
                // Measured now: an earlier failure of the same file is over.
                store.clear_failure(project.id, &path).await?;
                Ok(())
            }
            Writer::Memory { images, .. } => {
                images.insert(m.index, m.values.library());
                Ok(())
            }
        }
    }

    /// Remembers an image that could not be measured, with the reason, so the project still
    /// lists it after a restart and it can be retried; nothing for a batch that saves nothing.
    pub async fn failed(&self, path: &std::path::Path, reason: &str) -> Result<(), PipelineError> {
        if let Writer::Project { store, project, .. } = self {
            store
                .record_failure(project.id, &source_path(path), &display_name(path), reason)
                .await?;
        }
        Ok(())
    }

    /// Rebuilds a project's library and reports it; nothing for a batch that saves nothing (its
    /// library is merged once, at the end).
    pub async fn publish(&mut self, emit: &Emit) -> Result<(), PipelineError> {
        let Writer::Project {
            store,
            project,
            values,
            last,
        } = self
        else {
            return Ok(());
        };
        let project = store.project(&project.name).await?;
        let stored = rebuild_with(store, &project, values).await?;
        *last = Some(stored.library.clone());
        emit.event(ExtractEvent::Library {
            library: Box::new(stored),
        });
        Ok(())
    }

    /// The library the batch ends with: the project's as last rebuilt, or the images' values
    /// merged (`None` when no image was kept).
    pub fn finish(self) -> Result<Option<SpacingLibrary>, PipelineError> {
        match self {
            Writer::Project { last, .. } => Ok(last),
            Writer::Memory { images, .. } if images.is_empty() => Ok(None),
            Writer::Memory { images, options } => {
                let per_image: Vec<Vec<Measurement>> = images.into_values().collect();
                Ok(Some(aggregate(&per_image, &options)?))
            }
        }
    }
}

/// The path an image is remembered by: absolute and resolved when it can be, as given otherwise.
pub(crate) fn source_path(path: &std::path::Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Saves the image and its job; returns their ids and what the image adds to the library.
async fn save(
    store: &Store,
    project: &ProjectSummary,
    m: Measured,
) -> Result<(u32, u32, Vec<Measurement>), PipelineError> {
    let e = m.extraction;
    let image = NewImage {
        content_hash: m.hash,
        file_name: display_name(&m.path),
        width: e.width,
        height: e.height,
        dpr: e.dpr,
        dpr_source: e.dpr_source.as_str().into(),
        thumbnail: m.thumbnail,
        source_path: Some(source_path(&m.path)),
        copy: m.copy,
    };
    let elapsed_ms = e.decode_ms + e.measure_ms;
    // The job keeps every raw local measurement (the library the selection's kept values), or
    // the AI engine's values (the library the same).
    let (measurements, kept) = match m.values {
        Values::Local { kept } => (e.measurements, Some(kept)),
        Values::Ai(values) => (values, None),
    };
    let job = NewJob {
        source: m.source,
        model: m.model,
        measurements,
        elapsed_ms,
        error: None,
    };
    let (image_id, job_id) = store.save_measured(project.id, &image, &job).await?;
    Ok((image_id, job_id, kept.unwrap_or(job.measurements)))
}
