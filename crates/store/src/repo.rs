//! Projects, images and extraction jobs.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;
use sqlx::{QueryBuilder, Row, SqliteConnection};

use copy_that_spacing::{JobSource, Measurement, MergeThreshold, RootPx, SpacingType};

use crate::db::{now, Store};
use crate::error::StoreError;
use crate::files::ImageCopy;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ProjectSummary {
    pub id: u32,
    pub name: String,
    pub image_count: u32,
    pub token_count: u32,
    /// Merge threshold used for this project's library.
    pub threshold: MergeThreshold,
    pub root_px: RootPx,
    /// Seconds since 1970.
    pub created_at: f64,
    pub updated_at: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImageRecord {
    pub id: u32,
    pub file_name: String,
    pub content_hash: String,
    pub width: u32,
    pub height: u32,
    pub dpr: f64,
    pub dpr_source: String,
    /// The file it was read from, when known.
    pub source_path: Option<String>,
    /// Bytes kept on disk for it: its copy (shared with other projects holding the same image)
    /// and its thumbnail.
    pub stored_bytes: f64,
    /// Its kept copy is downscaled: the original was over the size kept whole.
    pub downscaled: bool,
}

/// An image to add to a project.
#[derive(Debug, Clone, PartialEq)]
pub struct NewImage {
    pub content_hash: String,
    pub file_name: String,
    pub width: u32,
    pub height: u32,
    pub dpr: f64,
    pub dpr_source: String,
    /// A small PNG for the UI.
    pub thumbnail: Vec<u8>,
    pub source_path: Option<String>,
    /// The image itself, kept with the project (none for an image only listed, as in tests).
    pub copy: Option<ImageCopy>,
}

/// The outcome of one extraction of one image.
#[derive(Debug, Clone, PartialEq)]
pub struct NewJob {
    /// The engine that measured it (the `provider` column, by name).
    pub source: JobSource,
    pub model: String,
    pub measurements: Vec<Measurement>,
    pub elapsed_ms: f64,
    /// Set when extraction failed: the job is kept, with no measurements.
    pub error: Option<String>,
}

/// The SHA-256 of an image's bytes, in hex: its identity for deduplication.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn image_record(r: &sqlx::sqlite::SqliteRow) -> ImageRecord {
    ImageRecord {
        id: r.get::<i64, _>("id") as u32,
        file_name: r.get("file_name"),
        content_hash: r.get("content_hash"),
        width: r.get::<i64, _>("width") as u32,
        height: r.get::<i64, _>("height") as u32,
        dpr: r.get("dpr"),
        dpr_source: r.get("dpr_source"),
        source_path: r.get("source_path"),
        stored_bytes: r.get::<i64, _>("stored_bytes") as f64,
        downscaled: r.get::<i64, _>("downscaled") != 0,
    }
}

/// The columns of an [`ImageRecord`], from `images` as `i`.
macro_rules! image_columns {
    () => {
        "i.id, i.file_name, i.content_hash, i.width, i.height, i.dpr, i.dpr_source, i.source_path,
         length(coalesce(i.thumbnail, x'')) + coalesce((SELECT length(f.bytes) FROM image_files f WHERE f.content_hash = i.content_hash), 0) AS stored_bytes,
         coalesce((SELECT f.downscaled FROM image_files f WHERE f.content_hash = i.content_hash), 0) AS downscaled"
    };
}

pub(crate) fn parse_type(s: &str) -> SpacingType {
    SpacingType::ALL
        .into_iter()
        .find(|t| t.as_str() == s)
        .unwrap_or_default()
}

/// The project summary query, shared by the list and the lookup.
macro_rules! summary_sql {
    () => {
        "SELECT p.id, p.name, p.threshold, p.root_px, p.created_at, p.updated_at,
            (SELECT count(*) FROM images i WHERE i.project_id = p.id) AS image_count,
            (SELECT count(*) FROM tokens t JOIN libraries l ON t.library_id = l.id WHERE l.project_id = p.id) AS token_count
         FROM projects p"
    };
}

fn valid_name(name: &str) -> Result<String, StoreError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(StoreError::InvalidName);
    }
    Ok(name.to_string())
}

impl Store {
    pub(crate) fn err(&self, e: sqlx::Error) -> StoreError {
        StoreError::from_sqlx(e, &self.path)
    }

    pub async fn create_project(&self, name: &str) -> Result<ProjectSummary, StoreError> {
        let name = valid_name(name)?;
        let t = now();
        let res =
            sqlx::query("INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)")
                .bind(&name)
                .bind(t)
                .bind(t)
                .execute(&self.pool)
                .await;
        match res {
            Ok(_) => self.project(&name).await,
            Err(sqlx::Error::Database(db)) if db.message().contains("UNIQUE") => {
                Err(StoreError::DuplicateProject(name))
            }
            Err(e) => Err(self.err(e)),
        }
    }

    /// The project with this name, created if it does not exist yet.
    pub async fn ensure_project(&self, name: &str) -> Result<ProjectSummary, StoreError> {
        match self.project(name).await {
            Err(StoreError::ProjectNotFound(_)) => self.create_project(name).await,
            other => other,
        }
    }

    pub async fn rename_project(&self, id: u32, name: &str) -> Result<(), StoreError> {
        let name = valid_name(name)?;
        let res = sqlx::query("UPDATE projects SET name = ?, updated_at = ? WHERE id = ?")
            .bind(&name)
            .bind(now())
            .bind(i64::from(id))
            .execute(&self.pool)
            .await;
        match res {
            Ok(r) if r.rows_affected() == 0 => Err(StoreError::ProjectNotFound(id.to_string())),
            Ok(_) => Ok(()),
            Err(sqlx::Error::Database(db)) if db.message().contains("UNIQUE") => {
                Err(StoreError::DuplicateProject(name))
            }
            Err(e) => Err(self.err(e)),
        }
    }

    /// Deletes a project and everything in it (images, jobs, library).
    /// The kept image copies no other project holds go with it.
    pub async fn delete_project(&self, id: u32) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await.map_err(|e| self.err(e))?;
        let r = sqlx::query("DELETE FROM projects WHERE id = ?")
            .bind(i64::from(id))
            .execute(&mut *tx)
            .await
            .map_err(|e| self.err(e))?;
        if r.rows_affected() == 0 {
            return Err(StoreError::ProjectNotFound(id.to_string()));
        }
        self.forget_unreferenced_in(&mut tx).await?;
        tx.commit().await.map_err(|e| self.err(e))?;
        Ok(())
    }

    const SUMMARY_ALL: &'static str =
        concat!(summary_sql!(), " ORDER BY p.updated_at DESC, p.id DESC");
    const SUMMARY_BY_NAME: &'static str = concat!(summary_sql!(), " WHERE p.name = ?");

    fn summary(row: &sqlx::sqlite::SqliteRow) -> ProjectSummary {
        ProjectSummary {
            id: row.get::<i64, _>("id") as u32,
            name: row.get("name"),
            image_count: row.get::<i64, _>("image_count") as u32,
            token_count: row.get::<i64, _>("token_count") as u32,
            // Earlier versions saved values the engine refuses (a 100 % threshold): they read as
            // the nearest it takes, so the project rebuilds again.
            threshold: MergeThreshold::nearest(row.get("threshold")),
            root_px: RootPx::nearest(row.get("root_px")),
            created_at: row.get::<i64, _>("created_at") as f64,
            updated_at: row.get::<i64, _>("updated_at") as f64,
        }
    }

    /// Every project, most recently changed first.
    pub async fn list_projects(&self) -> Result<Vec<ProjectSummary>, StoreError> {
        let rows = sqlx::query(Self::SUMMARY_ALL)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(Self::summary).collect())
    }

    pub async fn project(&self, name: &str) -> Result<ProjectSummary, StoreError> {
        let row = sqlx::query(Self::SUMMARY_BY_NAME)
            .bind(name.trim())
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        row.as_ref()
            .map(Self::summary)
            .ok_or_else(|| StoreError::ProjectNotFound(name.to_string()))
    }

    /// Adds an image to a project unless the same bytes are already there. Returns its id and
    /// whether it was new.
    pub async fn add_image(
        &self,
        project: u32,
        image: &NewImage,
    ) -> Result<(u32, bool), StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.err(e))?;
        self.add_image_in(&mut conn, project, image).await
    }

    /// Saves a measured image and its job in one transaction, so a process killed in between
    /// never leaves an image without the job that measured it. Returns their ids.
    pub async fn save_measured(
        &self,
        project: u32,
        image: &NewImage,
        job: &NewJob,
    ) -> Result<(u32, u32), StoreError> {
        for m in &job.measurements {
            m.validate()?;
        }
        let mut tx = self.pool.begin().await.map_err(|e| self.err(e))?;
        let (image_id, _) = self.add_image_in(&mut tx, project, image).await?;
        let job_id = self.record_job_in(&mut tx, project, image_id, job).await?;
        tx.commit().await.map_err(|e| self.err(e))?;
        Ok((image_id, job_id))
    }

    async fn add_image_in(
        &self,
        conn: &mut SqliteConnection,
        project: u32,
        image: &NewImage,
    ) -> Result<(u32, bool), StoreError> {
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM images WHERE project_id = ? AND content_hash = ?")
                .bind(i64::from(project))
                .bind(&image.content_hash)
                .fetch_optional(&mut *conn)
                .await
                .map_err(|e| self.err(e))?;
        if let Some(copy) = &image.copy {
            self.keep_copy_in(conn, &image.content_hash, copy).await?;
        }
        if let Some(id) = existing {
            // The same picture from another place: remember where it is now. One saved without a
            // thumbnail (by `copy-that extract` before it ran the pipeline) gets this one.
            sqlx::query(
                "UPDATE images SET source_path = coalesce(?, source_path),
                 thumbnail = CASE WHEN length(coalesce(thumbnail, x'')) = 0 THEN ? ELSE thumbnail END
                 WHERE id = ?",
            )
            .bind(&image.source_path)
            .bind(&image.thumbnail)
            .bind(id)
            .execute(&mut *conn)
            .await
            .map_err(|e| self.err(e))?;
            return Ok((id as u32, false));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO images (project_id, content_hash, file_name, width, height, dpr, dpr_source, thumbnail, source_path, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (project_id, content_hash) DO UPDATE SET source_path = coalesce(excluded.source_path, source_path),
                 thumbnail = CASE WHEN length(coalesce(thumbnail, x'')) = 0 THEN excluded.thumbnail ELSE thumbnail END
             RETURNING id",
        )
        .bind(i64::from(project))
        .bind(&image.content_hash)
        .bind(&image.file_name)
        .bind(i64::from(image.width))
        .bind(i64::from(image.height))
        .bind(image.dpr)
        .bind(&image.dpr_source)
        .bind(&image.thumbnail)
        .bind(&image.source_path)
        .bind(now())
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| self.err(e))?;
        Ok((id as u32, true))
    }

    /// The project's images, in the order libraries refer to them (`Occurrence::image`).
    pub async fn images(&self, project: u32) -> Result<Vec<ImageRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            image_columns!(),
            " FROM images i WHERE i.project_id = ? ORDER BY i.id"
        ))
        .bind(i64::from(project))
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(image_record).collect())
    }

    /// One image by id, in any project.
    pub async fn image(&self, image: u32) -> Result<Option<ImageRecord>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            image_columns!(),
            " FROM images i WHERE i.id = ?"
        ))
        .bind(i64::from(image))
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.err(e))?;
        Ok(row.as_ref().map(image_record))
    }

    pub async fn thumbnail(&self, image: u32) -> Result<Vec<u8>, StoreError> {
        let blob: Option<Vec<u8>> = sqlx::query_scalar("SELECT thumbnail FROM images WHERE id = ?")
            .bind(i64::from(image))
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::ImageNotFound(image))?;
        Ok(blob.unwrap_or_default())
    }

    /// Records a job and all its measurements in one transaction: either all of it is visible
    /// afterwards, or none of it.
    pub async fn record_job(
        &self,
        project: u32,
        image: u32,
        job: &NewJob,
    ) -> Result<u32, StoreError> {
        for m in &job.measurements {
            m.validate()?;
        }
        let mut tx = self.pool.begin().await.map_err(|e| self.err(e))?;
        let job_id = self.record_job_in(&mut tx, project, image, job).await?;
        tx.commit().await.map_err(|e| self.err(e))?;
        Ok(job_id)
    }

    async fn record_job_in(
        &self,
        tx: &mut SqliteConnection,
        project: u32,
        image: u32,
        job: &NewJob,
    ) -> Result<u32, StoreError> {
        let status = if job.error.is_some() {
            "failed"
        } else {
            "done"
        };
        let job_id: i64 = sqlx::query_scalar(
            "INSERT INTO jobs (project_id, image_id, provider, model, status, error, measurement_count, elapsed_ms, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(i64::from(project))
        .bind(i64::from(image))
        .bind(job.source.as_str())
        .bind(&job.model)
        .bind(status)
        .bind(&job.error)
        .bind(job.measurements.len() as i64)
        .bind(job.elapsed_ms)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| self.err(e))?;
        // 10 parameters a row; SQLite allows 32766 per statement.
        for chunk in job.measurements.chunks(1000) {
            let mut q = QueryBuilder::new(
                "INSERT INTO measurements (job_id, value_px, confidence, spacing_type, context, design_intent, x, y, w, h) ",
            );
            q.push_values(chunk, |mut b, m| {
                let bbox = m.bbox;
                b.push_bind(job_id)
                    .push_bind(m.value_px)
                    .push_bind(m.confidence)
                    .push_bind(m.spacing_type.as_str())
                    .push_bind(m.context.clone())
                    .push_bind(m.design_intent.clone())
                    .push_bind(bbox.map(|b| i64::from(b.x)))
                    .push_bind(bbox.map(|b| i64::from(b.y)))
                    .push_bind(bbox.map(|b| i64::from(b.w)))
                    .push_bind(bbox.map(|b| i64::from(b.h)));
            });
            q.build().execute(&mut *tx).await.map_err(|e| self.err(e))?;
        }
        sqlx::query("UPDATE projects SET updated_at = ? WHERE id = ?")
            .bind(now())
            .bind(i64::from(project))
            .execute(&mut *tx)
            .await
            .map_err(|e| self.err(e))?;
        Ok(job_id as u32)
    }
}
