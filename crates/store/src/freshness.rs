//! Whether a project's saved library is current. Recording a job and rebuilding the library are
//! two transactions (the rebuild reads every image's job, and a batch rebuilds once for many
//! jobs), so a process killed between them leaves a library that misses the newest images. Each
//! library is saved with the inputs it was built from; when they differ from what the database
//! now holds, the library is stale and the pipeline rebuilds it before showing it.

use sqlx::{Sqlite, SqliteConnection};

use crate::db::Store;
use crate::error::StoreError;

impl Store {
    /// What a library of this project built now would be built from: each image's latest
    /// successful job, the merge threshold and root size, and the number of hand edits.
    pub(crate) async fn library_inputs(
        &self,
        conn: &mut SqliteConnection,
        project: u32,
    ) -> Result<String, StoreError> {
        let jobs = self.latest_jobs_in(conn, project).await?;
        let (threshold, root_px): (f64, f64) =
            sqlx::query_as("SELECT threshold, root_px FROM projects WHERE id = ?")
                .bind(i64::from(project))
                .fetch_one(&mut *conn)
                .await
                .map_err(|e| self.err(e))?;
        let edits: i64 =
            sqlx::query_scalar("SELECT count(*) FROM token_edits WHERE project_id = ?")
                .bind(i64::from(project))
                .fetch_one(&mut *conn)
                .await
                .map_err(|e| self.err(e))?;
        let jobs: Vec<String> = jobs.iter().map(|(i, j)| format!("{i}:{j}")).collect();
        Ok(format!(
            "jobs={};threshold={threshold};root={root_px};edits={edits}",
            jobs.join(",")
        ))
    }

    /// Whether the project's saved library was built from what the database holds now. A project
    /// with no library yet is current only while it has no job to build one from.
    pub async fn library_is_current(&self, project: u32) -> Result<bool, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.err(e))?;
        let saved: Option<Option<String>> =
            sqlx::query_scalar("SELECT built_from FROM libraries WHERE project_id = ?")
                .bind(i64::from(project))
                .fetch_optional(&mut *conn)
                .await
                .map_err(|e| self.err(e))?;
        let now = self.library_inputs(&mut conn, project).await?;
        Ok(match saved {
            Some(built_from) => built_from.as_deref() == Some(now.as_str()),
            None => now.starts_with("jobs=;"),
        })
    }

    /// Records, inside the transaction that saves a library, what it was built from.
    pub(crate) async fn mark_built_from(
        &self,
        tx: &mut sqlx::Transaction<'_, Sqlite>,
        library_id: i64,
        project: u32,
    ) -> Result<(), StoreError> {
        let inputs = self.library_inputs(tx, project).await?;
        sqlx::query("UPDATE libraries SET built_from = ? WHERE id = ?")
            .bind(inputs)
            .bind(library_id)
            .execute(&mut **tx)
            .await
            .map_err(|e| self.err(e))?;
        Ok(())
    }
}
