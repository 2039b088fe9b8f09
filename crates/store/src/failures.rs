//! Images a batch could not measure into a project, kept with their reason until a retry (or a
//! later batch) measures them: a failure is not gone after a restart.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::db::{now, Store};
use crate::error::StoreError;

/// An image that failed, as the project remembers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FailedImage {
    pub id: u32,
    pub file_name: String,
    /// Where it was read from: what a retry reads again.
    pub path: String,
    pub reason: String,
    /// Seconds since 1970.
    pub failed_at: f64,
}

impl Store {
    /// Records (or updates) a failure of the file at `path` in the project.
    pub async fn record_failure(
        &self,
        project: u32,
        path: &str,
        file_name: &str,
        reason: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO failures (project_id, path, file_name, reason, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (project_id, path) DO UPDATE SET reason = excluded.reason, file_name = excluded.file_name,
                 created_at = excluded.created_at",
        )
        .bind(i64::from(project))
        .bind(path)
        .bind(file_name)
        .bind(reason)
        .bind(now())
        .execute(&self.pool)
        .await
        .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Forgets a failure of the file at `path` (it was measured since).
    pub async fn clear_failure(&self, project: u32, path: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM failures WHERE project_id = ? AND path = ?")
            .bind(i64::from(project))
            .bind(path)
            .execute(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// The project's failures, oldest first.
    pub async fn failures(&self, project: u32) -> Result<Vec<FailedImage>, StoreError> {
        let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
            "SELECT id, file_name, path, reason, created_at FROM failures WHERE project_id = ? ORDER BY id",
        )
        .bind(i64::from(project))
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.err(e))?;
        Ok(rows
            .into_iter()
            .map(|(id, file_name, path, reason, at)| FailedImage {
                id: id as u32,
                file_name,
                path,
                reason,
                failed_at: at as f64,
            })
            .collect())
    }
}
