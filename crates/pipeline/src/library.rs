//! A project's library: rebuilt from each image's latest successful job (its values chosen by the
//! engine that measured it, merged, each token keeping the name the saved library gave it, the
//! hand edits replayed: `copy_that_spacing::build_library`)
//! and edited by hand (`apply_edit`). The store only reads the rows and writes the result.

use std::collections::HashMap;

use serde::Serialize;
use specta::Type;

use copy_that_spacing::{
    apply_edit, build_library, AuditItem, JobSource, LeftOut, Measurement, MergeThreshold,
    SpacingLibrary, TokenEdit,
};
use copy_that_store::{ImageRecord, ProjectSummary, Store, StoredLibrary};

use crate::error::PipelineError;

/// Each image's library values, kept between a project's rebuilds: a rebuild reads from the
/// database only the jobs it has not seen (none during a batch that recorded them itself, so a
/// batch no longer re-reads every job's measurements every 250 ms).
#[derive(Debug, Default)]
pub struct ProjectValues {
    /// By image id: its latest job's id and what that job adds to the library.
    by_image: HashMap<u32, (u32, Vec<Measurement>)>,
    /// The project's [`TokenEdit::Include`] edits that `extras` were read for.
    includes: Vec<TokenEdit>,
    /// By image id: the job whose left-out measurements those edits bring back, and them.
    extras: HashMap<u32, (u32, Vec<Measurement>)>,
}

impl ProjectValues {
    /// A job this process just recorded, with its values as a library takes them.
    pub fn recorded(&mut self, image: u32, job: u32, values: Vec<Measurement>) {
        self.by_image.insert(image, (job, values));
    }

    /// Catches up with the database: images whose latest job is one not seen here (recorded by
    /// another batch or an earlier run) are read; images with no successful job are dropped.
    async fn refresh(&mut self, store: &Store, project: u32) -> Result<(), PipelineError> {
        let latest = store.latest_jobs(project).await?;
        let unseen: Vec<u32> = latest
            .iter()
            .filter(|(image, job)| self.by_image.get(image).map(|(j, _)| j) != Some(job))
            .map(|&(_, job)| job)
            .collect();
        let current: HashMap<u32, u32> = latest.into_iter().collect();
        self.by_image
            .retain(|image, (job, _)| current.get(image) == Some(job));
        for job in store.jobs(&unseen).await? {
            let values = job.source.library_values(job.measurements);
            self.recorded(job.image_id, job.id, values);
        }
        Ok(())
    }

    fn of(&self, image: u32) -> &[Measurement] {
        self.by_image.get(&image).map_or(&[], |(_, v)| v.as_slice())
    }

    /// What the project's [`TokenEdit::Include`] edits add to each image, in `images`' order,
    /// after [`Self::refresh`]. The raw measurements are read only for images whose latest job
    /// was not read with these edits before, so a batch does not re-read every job at each
    /// rebuild of a project that has such an edit.
    async fn included(
        &mut self,
        store: &Store,
        images: &[ImageRecord],
        edits: &[TokenEdit],
    ) -> Result<Vec<Vec<Measurement>>, PipelineError> {
        let includes: Vec<TokenEdit> = edits
            .iter()
            .filter(|e| matches!(e, TokenEdit::Include { .. }))
            .cloned()
            .collect();
        if includes != self.includes {
            self.extras.clear();
            self.includes = includes;
        }
        if self.includes.is_empty() {
            return Ok(vec![Vec::new(); images.len()]);
        }
        let by_image = &self.by_image;
        self.extras.retain(|image, _| by_image.contains_key(image));
        let stale: Vec<u32> = images
            .iter()
            .filter_map(|im| {
                let job = by_image.get(&im.id)?.0;
                (self.extras.get(&im.id).map(|(j, _)| *j) != Some(job)).then_some(job)
            })
            .collect();
        for job in store.jobs(&stale).await? {
            // Only the local engine's selection leaves values out.
            let extra = if job.source == JobSource::Local {
                copy_that_spacing::included(&[&job.measurements], &self.includes)
                    .pop()
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            self.extras.insert(job.image_id, (job.id, extra));
        }
        Ok(images
            .iter()
            .map(|im| {
                self.extras
                    .get(&im.id)
                    .map_or_else(Vec::new, |(_, v)| v.clone())
            })
            .collect())
    }
}

/// Rebuilds a project's library from the latest successful job of each image, its tokens keeping
/// the names of the saved library's ([`copy_that_spacing::keep_names`]), and saves it in
/// one transaction (the previous library stays visible until the new one is complete).
pub async fn rebuild(
    store: &Store,
    project: &ProjectSummary,
) -> Result<StoredLibrary, PipelineError> {
    rebuild_with(store, project, &mut ProjectValues::default()).await
}

/// [`rebuild`], reading only the jobs `values` has not seen.
pub async fn rebuild_with(
    store: &Store,
    project: &ProjectSummary,
    values: &mut ProjectValues,
) -> Result<StoredLibrary, PipelineError> {
    let (images, library) = build(store, project, values, project.threshold).await?;
    store.save_library(project, &images, &library).await?;
    Ok(StoredLibrary::assemble(
        store.project(&project.name).await?,
        images,
        library,
        store.failures(project.id).await?,
    ))
}

/// The library a project's rows give at `threshold`, with its images; nothing is saved.
async fn build(
    store: &Store,
    project: &ProjectSummary,
    values: &mut ProjectValues,
    threshold: MergeThreshold,
) -> Result<(Vec<ImageRecord>, SpacingLibrary), PipelineError> {
    let edits = store.edits(project.id).await?;
    build_with(store, project, values, threshold, &edits).await
}

/// [`build`] with these edits instead of the saved ones. Left-out values brought back
/// ([`TokenEdit::Include`]) are taken from the local engine's raw measurements
/// ([`ProjectValues::included`]).
async fn build_with(
    store: &Store,
    project: &ProjectSummary,
    values: &mut ProjectValues,
    threshold: MergeThreshold,
    edits: &[TokenEdit],
) -> Result<(Vec<ImageRecord>, SpacingLibrary), PipelineError> {
    values.refresh(store, project.id).await?;
    let images = store.images(project.id).await?;
    let extra = values.included(store, &images, edits).await?;
    let per_image: Vec<Vec<Measurement>> = images
        .iter()
        .zip(extra)
        .map(|(im, mut more)| {
            let mut all = values.of(im.id).to_vec();
            all.append(&mut more);
            all
        })
        .collect();
    let known = store.known_names(project.id).await?;
    let library = build_library(&per_image, &known, edits, threshold, project.root_px)?;
    Ok((images, library))
}

/// The local engine's raw measurements of each image's latest job, in `images`' order (empty
/// for an image another engine measured: its values are the library's as they are).
async fn raw_local(
    store: &Store,
    project: u32,
    images: &[ImageRecord],
) -> Result<Vec<Vec<Measurement>>, PipelineError> {
    let latest = store.latest_jobs(project).await?;
    let ids: Vec<u32> = latest.iter().map(|&(_, job)| job).collect();
    let mut jobs = store.jobs(&ids).await?;
    Ok(images
        .iter()
        .map(|im| {
            jobs.iter_mut()
                .find(|j| j.image_id == im.id && j.source == JobSource::Local)
                .map_or_else(Vec::new, |j| std::mem::take(&mut j.measurements))
        })
        .collect())
}

/// A saved token that another merge threshold folds into another value.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct MergedValue {
    pub from_px: f64,
    /// The nearest value of the library at the previewed threshold.
    pub into_px: f64,
}

/// What a project's library would become at another merge threshold, before it is applied.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ThresholdPreview {
    pub threshold: MergeThreshold,
    pub token_count: u32,
    pub values_px: Vec<f64>,
    /// Saved values the previewed library no longer has, each with where it went.
    pub merged: Vec<MergedValue>,
    /// Values the previewed library has that the saved one has not (a lower threshold splits).
    pub new_px: Vec<f64>,
}

/// Builds the project's library at `threshold` without saving it, against the saved one.
pub async fn preview_threshold(
    store: &Store,
    name: &str,
    threshold: MergeThreshold,
) -> Result<ThresholdPreview, PipelineError> {
    let saved = load(store, name).await?;
    let (_, library) = build(
        store,
        &saved.project,
        &mut ProjectValues::default(),
        threshold,
    )
    .await?;
    let values_px: Vec<f64> = library.tokens.iter().map(|t| t.value_px).collect();
    let has = |set: &[f64], v: f64| set.iter().any(|x| (x - v).abs() < 1e-9);
    let before: Vec<f64> = saved.library.tokens.iter().map(|t| t.value_px).collect();
    let merged = before
        .iter()
        .filter(|&&v| !has(&values_px, v))
        .filter_map(|&from_px| {
            let into_px = values_px
                .iter()
                .copied()
                .min_by(|a, b| (a - from_px).abs().total_cmp(&(b - from_px).abs()))?;
            Some(MergedValue { from_px, into_px })
        })
        .collect();
    let new_px = values_px
        .iter()
        .copied()
        .filter(|&v| !has(&before, v))
        .collect();
    Ok(ThresholdPreview {
        threshold,
        token_count: values_px.len() as u32,
        values_px,
        merged,
        new_px,
    })
}

/// Sets a project's merge threshold and rebuilds its library at it (the root size is kept).
pub async fn set_threshold(
    store: &Store,
    name: &str,
    threshold: MergeThreshold,
) -> Result<StoredLibrary, PipelineError> {
    let project = store.project(name).await?;
    store
        .set_project_options(project.id, threshold, project.root_px)
        .await?;
    let project = store.project(name).await?;
    rebuild(store, &project).await
}

/// The audit of a project: the library's tokens off the grid or used once or twice, and the
/// values each image's selection left out (off its grid, too rare), each with where it was
/// measured.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AuditReport {
    pub base_unit: f64,
    /// In the library, minus those kept on purpose ([`TokenEdit::Keep`]).
    pub tokens: Vec<AuditItem>,
    /// Measured by the local engine but not in the library.
    pub left_out: Vec<LeftOut>,
}

/// The audit view's lists ([`copy_that_spacing::audit`], [`copy_that_spacing::left_out`]).
pub async fn audit_project(store: &Store, name: &str) -> Result<AuditReport, PipelineError> {
    let stored = load(store, name).await?;
    let edits = store.edits(stored.project.id).await?;
    let raw = raw_local(store, stored.project.id, &stored.images).await?;
    Ok(AuditReport {
        base_unit: stored.library.statistics.base_unit,
        tokens: copy_that_spacing::audit(&stored.library, &edits),
        left_out: copy_that_spacing::left_out(&raw, &stored.library, &edits),
    })
}

/// A project's saved library, rebuilt first when it is stale: a process that died between
/// recording a job and rebuilding left it without its newest images
/// ([`Store::library_is_current`]). Every face reads a project through this.
pub async fn load(store: &Store, name: &str) -> Result<StoredLibrary, PipelineError> {
    let project = store.project(name).await?;
    if store.library_is_current(project.id).await? {
        Ok(store.load_library(name).await?)
    } else {
        rebuild(store, &project).await
    }
}

/// Applies a hand edit to a project's saved library and keeps it, so it is replayed whenever the
/// library is rebuilt: the edit and the edited library are saved in one transaction. A refused
/// edit (bad name, no such token) changes nothing. Returns the library as now saved.
pub async fn edit_token(
    store: &Store,
    project: &ProjectSummary,
    edit: &TokenEdit,
) -> Result<StoredLibrary, PipelineError> {
    let mut stored = load(store, &project.name).await?;
    apply_edit(&mut stored.library, edit, project.threshold.get())?;
    if let TokenEdit::Include { .. } = edit {
        // A left-out value brought back (`apply_edit` only checked it): the library is built
        // again from the images' measurements with this edit among the saved ones.
        let mut edits = store.edits(project.id).await?;
        edits.push(edit.clone());
        let (images, library) = build_with(
            store,
            project,
            &mut ProjectValues::default(),
            project.threshold,
            &edits,
        )
        .await?;
        (stored.images, stored.library) = (images, library);
    }
    store
        .save_edit(project, edit, &stored.images, &stored.library)
        .await?;
    // Token counts in the summary changed with a delete or a merge.
    stored.project = store.project(&project.name).await?;
    Ok(stored)
}

/// The job source of an AI provider.
pub(crate) fn source_of(provider: copy_that_ai::Provider) -> JobSource {
    match provider {
        copy_that_ai::Provider::Claude => JobSource::Claude,
        copy_that_ai::Provider::Openai => JobSource::Openai,
        copy_that_ai::Provider::OpenaiCompatible => JobSource::OpenaiCompatible,
    }
}
