//! Libraries: the jobs a library is built from, saving it (tokens and a snapshot), loading it
//! back, querying its tokens. Building it is the engine's (`copy_that_spacing::build_library`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use copy_that_spacing::{
    aggregate, AggregateOptions, BBox, ImageUsage, JobSource, KnownName, LibraryStatistics,
    Measurement, Occurrence, SpacingLibrary, SpacingScale, SpacingToken, SpacingType,
};

use crate::db::{now, Store};
use crate::error::StoreError;
use crate::failures::FailedImage;
use crate::repo::{parse_type, ImageRecord, ProjectSummary};

/// A job as stored: which engine measured which image, and what it found.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredJob {
    pub id: u32,
    pub image_id: u32,
    pub source: JobSource,
    pub measurements: Vec<Measurement>,
}

/// A project's library as saved, with the images its provenance refers to (by position).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StoredLibrary {
    pub project: ProjectSummary,
    pub images: Vec<ImageRecord>,
    pub library: SpacingLibrary,
    /// Images that could not be measured into the project, until retried.
    pub failures: Vec<FailedImage>,
    /// When the base unit is doubtful, the grid it could as well be, with the share of uses it
    /// explains (worked out from the tokens when the library is read; never stored).
    pub base_unit_runner_up: Option<crate::stored::BaseUnitRunnerUp>,
}

/// Which tokens to return; empty lists and `None` mean "any".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct TokenFilter {
    pub types: Vec<SpacingType>,
    pub scales: Vec<SpacingScale>,
    pub grid_compliant: Option<bool>,
    pub min_px: Option<f64>,
    pub max_px: Option<f64>,
}

impl Store {
    /// Each image's latest successful job, as (image id, job id): what a library is built from.
    pub async fn latest_jobs(&self, project: u32) -> Result<Vec<(u32, u32)>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.err(e))?;
        self.latest_jobs_in(&mut conn, project).await
    }

    /// [`Store::latest_jobs`] on a given connection (inside a transaction, for `built_from`):
    /// one definition of "the jobs a library is built from" for the rebuild and its freshness.
    pub(crate) async fn latest_jobs_in(
        &self,
        conn: &mut SqliteConnection,
        project: u32,
    ) -> Result<Vec<(u32, u32)>, StoreError> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT image_id, max(id) FROM jobs
             WHERE project_id = ? AND status = 'done' GROUP BY image_id ORDER BY image_id",
        )
        .bind(i64::from(project))
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| self.err(e))?;
        Ok(rows
            .into_iter()
            .map(|(image, job)| (image as u32, job as u32))
            .collect())
    }

    /// The value, name and context of each token of the project's saved library, in library order (none
    /// before its first build): what a rebuild keeps names from. Read from the token rows alone.
    pub async fn known_names(&self, project: u32) -> Result<Vec<KnownName>, StoreError> {
        let rows = sqlx::query(
            "SELECT t.value_px, t.name, coalesce(json_extract(t.data, '$.context'), '') AS context
             FROM tokens t JOIN libraries l ON l.id = t.library_id
             WHERE l.project_id = ? ORDER BY t.position",
        )
        .bind(i64::from(project))
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.err(e))?;
        Ok(rows
            .iter()
            .map(|r| KnownName {
                value_px: r.get("value_px"),
                name: r.get("name"),
                context: r.get("context"),
            })
            .collect())
    }

    /// These jobs with their measurements (in the order they were measured), by job id.
    pub async fn jobs(&self, ids: &[u32]) -> Result<Vec<StoredJob>, StoreError> {
        let mut jobs: Vec<StoredJob> = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
                "SELECT j.id AS job_id, j.image_id, j.provider, m.value_px, m.confidence, m.spacing_type, m.context, m.design_intent, m.x, m.y, m.w, m.h
                 FROM jobs j LEFT JOIN measurements m ON m.job_id = j.id WHERE j.id IN (",
            );
            let mut ids = q.separated(", ");
            for id in chunk {
                ids.push_bind(i64::from(*id));
            }
            q.push(") ORDER BY j.id, m.id");
            let rows = q
                .build()
                .fetch_all(&self.pool)
                .await
                .map_err(|e| self.err(e))?;
            for r in &rows {
                let id = r.get::<i64, _>("job_id") as u32;
                if jobs.last().is_none_or(|j| j.id != id) {
                    jobs.push(StoredJob {
                        id,
                        image_id: r.get::<i64, _>("image_id") as u32,
                        source: JobSource::parse(r.get("provider")),
                        measurements: Vec::new(),
                    });
                }
                let Some(value_px) = r.get::<Option<f64>, _>("value_px") else {
                    continue;
                };
                if let Some(job) = jobs.last_mut() {
                    job.measurements.push(Measurement {
                        value_px,
                        confidence: r.get("confidence"),
                        spacing_type: parse_type(r.get("spacing_type")),
                        context: r.get("context"),
                        bbox: bbox(r),
                        design_intent: r.get("design_intent"),
                    });
                }
            }
        }
        Ok(jobs)
    }

    /// Saves a library as the project's current one, replacing the previous, in one transaction.
    pub async fn save_library(
        &self,
        project: &ProjectSummary,
        images: &[ImageRecord],
        library: &SpacingLibrary,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await.map_err(|e| self.err(e))?;
        self.write_library(&mut tx, project, images, library)
            .await?;
        tx.commit().await.map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Replaces the project's library inside a transaction the caller commits.
    pub(crate) async fn write_library(
        &self,
        tx: &mut sqlx::Transaction<'_, Sqlite>,
        project: &ProjectSummary,
        images: &[ImageRecord],
        library: &SpacingLibrary,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM libraries WHERE project_id = ?")
            .bind(i64::from(project.id))
            .execute(&mut **tx)
            .await
            .map_err(|e| self.err(e))?;
        let library_id: i64 = sqlx::query_scalar(
            "INSERT INTO libraries (project_id, threshold, statistics, snapshot, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(i64::from(project.id))
        .bind(project.threshold.get())
        .bind(serde_json::to_string(&library.statistics)?)
        .bind(postcard::to_stdvec(library).map_err(|e| StoreError::Decode(e.to_string()))?)
        .bind(now())
        .fetch_one(&mut **tx)
        .await
        .map_err(|e| self.err(e))?;
        self.mark_built_from(tx, library_id, project.id).await?;
        for (position, token) in library.tokens.iter().enumerate() {
            let bare = SpacingToken {
                occurrences: Vec::new(),
                images: Vec::new(),
                ..token.clone()
            };
            let token_id: i64 = sqlx::query_scalar(
                "INSERT INTO tokens (library_id, position, value_px, scale, name, spacing_type, is_grid_compliant, confidence, data)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(library_id)
            .bind(position as i64)
            .bind(token.value_px)
            .bind(token.scale.as_str())
            .bind(&token.name)
            .bind(token.spacing_type.as_str())
            .bind(token.is_grid_compliant)
            .bind(token.confidence)
            .bind(serde_json::to_string(&bare)?)
            .fetch_one(&mut **tx)
            .await
            .map_err(|e| self.err(e))?;
            for chunk in token.occurrences.chunks(2000) {
                let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
                    "INSERT INTO token_sources (token_id, image_id, value_px, confidence, spacing_type, x, y, w, h) ",
                );
                q.push_values(chunk, |mut b, o| {
                    let image_id = images
                        .get(o.image as usize)
                        .map_or(0, |im| i64::from(im.id));
                    b.push_bind(token_id)
                        .push_bind(image_id)
                        .push_bind(o.value_px)
                        .push_bind(o.confidence)
                        .push_bind(o.spacing_type.as_str())
                        .push_bind(o.bbox.map(|b| i64::from(b.x)))
                        .push_bind(o.bbox.map(|b| i64::from(b.y)))
                        .push_bind(o.bbox.map(|b| i64::from(b.w)))
                        .push_bind(o.bbox.map(|b| i64::from(b.h)));
                });
                q.build()
                    .execute(&mut **tx)
                    .await
                    .map_err(|e| self.err(e))?;
            }
        }
        Ok(())
    }

    /// A project's saved library, read from the database alone.
    pub async fn load_library(&self, name: &str) -> Result<StoredLibrary, StoreError> {
        let project = self.project(name).await?;
        let images = self.images(project.id).await?;
        let snapshot: Option<Option<Vec<u8>>> =
            sqlx::query_scalar("SELECT snapshot FROM libraries WHERE project_id = ?")
                .bind(i64::from(project.id))
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.err(e))?;
        let library = match snapshot {
            Some(Some(bytes)) => {
                postcard::from_bytes(&bytes).map_err(|e| StoreError::Decode(e.to_string()))?
            }
            // Saved before snapshots existed: rebuild from the token tables.
            Some(None) => {
                let stats: String =
                    sqlx::query_scalar("SELECT statistics FROM libraries WHERE project_id = ?")
                        .bind(i64::from(project.id))
                        .fetch_one(&self.pool)
                        .await
                        .map_err(|e| self.err(e))?;
                let statistics: LibraryStatistics = serde_json::from_str(&stats)?;
                let tokens = self
                    .tokens(&project, &images, &TokenFilter::default())
                    .await?;
                SpacingLibrary { tokens, statistics }
            }
            None => aggregate(&[], &AggregateOptions::default())?,
        };
        let failures = self.failures(project.id).await?;
        Ok(StoredLibrary::assemble(project, images, library, failures))
    }

    /// The tokens of a project's library that pass the filter, with their provenance.
    pub async fn query_tokens(
        &self,
        name: &str,
        filter: &TokenFilter,
    ) -> Result<Vec<SpacingToken>, StoreError> {
        let project = self.project(name).await?;
        let images = self.images(project.id).await?;
        self.tokens(&project, &images, filter).await
    }

    async fn tokens(
        &self,
        project: &ProjectSummary,
        images: &[ImageRecord],
        filter: &TokenFilter,
    ) -> Result<Vec<SpacingToken>, StoreError> {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT t.id, t.data FROM tokens t JOIN libraries l ON t.library_id = l.id WHERE l.project_id = ",
        );
        q.push_bind(i64::from(project.id));
        if !filter.types.is_empty() {
            q.push(" AND t.spacing_type IN (");
            let mut sep = q.separated(", ");
            for t in &filter.types {
                sep.push_bind(t.as_str());
            }
            q.push(")");
        }
        if !filter.scales.is_empty() {
            q.push(" AND t.scale IN (");
            let mut sep = q.separated(", ");
            for s in &filter.scales {
                sep.push_bind(s.as_str());
            }
            q.push(")");
        }
        if let Some(g) = filter.grid_compliant {
            q.push(" AND t.is_grid_compliant = ").push_bind(g);
        }
        if let Some(v) = filter.min_px {
            q.push(" AND t.value_px >= ").push_bind(v);
        }
        if let Some(v) = filter.max_px {
            q.push(" AND t.value_px <= ").push_bind(v);
        }
        q.push(" ORDER BY t.position");
        let rows = q
            .build()
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        let mut tokens: Vec<SpacingToken> = Vec::with_capacity(rows.len());
        let mut position: HashMap<i64, usize> = HashMap::with_capacity(rows.len());
        for r in &rows {
            position.insert(r.get("id"), tokens.len());
            tokens.push(serde_json::from_str(r.get::<&str, _>("data"))?);
        }
        let image_index: HashMap<i64, u32> = images
            .iter()
            .enumerate()
            .map(|(i, im)| (i64::from(im.id), i as u32))
            .collect();
        let sources = sqlx::query(
            "SELECT s.token_id, s.image_id, s.value_px, s.confidence, s.spacing_type, s.x, s.y, s.w, s.h
             FROM token_sources s JOIN tokens t ON s.token_id = t.id JOIN libraries l ON t.library_id = l.id
             WHERE l.project_id = ? ORDER BY s.token_id, s.rowid",
        )
        .bind(i64::from(project.id))
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.err(e))?;
        for r in &sources {
            let Some(&i) = position.get(&r.get::<i64, _>("token_id")) else {
                continue;
            };
            let image = image_index
                .get(&r.get::<i64, _>("image_id"))
                .copied()
                .unwrap_or(u32::MAX);
            let t = &mut tokens[i];
            t.occurrences.push(Occurrence {
                image,
                value_px: r.get("value_px"),
                confidence: r.get("confidence"),
                spacing_type: parse_type(r.get("spacing_type")),
                bbox: bbox(r),
            });
            match t.images.last_mut() {
                Some(u) if u.image == image => u.count += 1,
                _ => t.images.push(ImageUsage { image, count: 1 }),
            }
        }
        Ok(tokens)
    }
}

fn bbox(r: &sqlx::sqlite::SqliteRow) -> Option<BBox> {
    let x: Option<i64> = r.get("x");
    let y: Option<i64> = r.get("y");
    let w: Option<i64> = r.get("w");
    let h: Option<i64> = r.get("h");
    Some(BBox {
        x: x? as u32,
        y: y? as u32,
        w: w? as u32,
        h: h? as u32,
    })
}
