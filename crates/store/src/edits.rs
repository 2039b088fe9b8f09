//! Hand edits of a project's library and app settings.

use serde::{de::DeserializeOwned, Serialize};
use sqlx::Row;

use copy_that_spacing::{apply_edit, MergeThreshold, RootPx, TokenEdit};

use crate::db::{now, Store};
use crate::error::StoreError;
use crate::library::StoredLibrary;
use crate::repo::ProjectSummary;

impl Store {
    /// The project's edits, oldest first.
    pub async fn edits(&self, project: u32) -> Result<Vec<TokenEdit>, StoreError> {
        let rows = sqlx::query("SELECT edit FROM token_edits WHERE project_id = ? ORDER BY id")
            .bind(i64::from(project))
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        rows.iter()
            .map(|r| Ok(serde_json::from_str(r.get::<&str, _>("edit"))?))
            .collect()
    }

    /// Applies an edit to the project's saved library and keeps it, so it is replayed whenever the
    /// library is rebuilt: the edit and the edited library are one transaction. A refused edit
    /// (bad name, no such token) changes nothing. Returns the library as now saved.
    pub async fn edit_token(
        &self,
        project: &ProjectSummary,
        edit: &TokenEdit,
    ) -> Result<StoredLibrary, StoreError> {
        let mut stored = self.load_library(&project.name).await?;
        apply_edit(&mut stored.library, edit, project.threshold.get())?;
        let mut tx = self.pool.begin().await.map_err(|e| self.err(e))?;
        sqlx::query("INSERT INTO token_edits (project_id, edit, created_at) VALUES (?, ?, ?)")
            .bind(i64::from(project.id))
            .bind(serde_json::to_string(edit)?)
            .bind(now())
            .execute(&mut *tx)
            .await
            .map_err(|e| self.err(e))?;
        self.write_library(&mut tx, project, &stored.images, &stored.library)
            .await?;
        tx.commit().await.map_err(|e| self.err(e))?;
        // Token counts in the summary changed with a delete or a merge.
        stored.project = self.project(&project.name).await?;
        Ok(stored)
    }

    /// A setting by key, or `None` when never saved.
    pub async fn setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StoreError> {
        let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        Ok(match value {
            Some(v) => Some(serde_json::from_str(&v)?),
            None => None,
        })
    }

    pub async fn put_setting<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StoreError> {
        sqlx::query("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)")
            .bind(key)
            .bind(serde_json::to_string(value)?)
            .execute(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Sets the merge threshold and root font size a project's library is built with.
    pub async fn set_project_options(
        &self,
        project: u32,
        threshold: MergeThreshold,
        root_px: RootPx,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE projects SET threshold = ?, root_px = ?, updated_at = ? WHERE id = ?")
            .bind(threshold.get())
            .bind(root_px.get())
            .bind(now())
            .bind(i64::from(project))
            .execute(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        Ok(())
    }
}
