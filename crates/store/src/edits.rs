//! Hand edits of a project's library and app settings.

use serde::{de::DeserializeOwned, Serialize};
use sqlx::Row;

use copy_that_spacing::{MergeThreshold, RootPx, SpacingLibrary, TokenEdit};

use crate::db::{now, Store};
use crate::error::StoreError;
use crate::repo::{ImageRecord, ProjectSummary};

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

    /// Keeps a hand edit and the library it produced (see `pipeline::library::edit_token`) as the
    /// project's current one, in one transaction: both are visible afterwards, or neither. The
    /// edit is replayed whenever the library is rebuilt.
    pub async fn save_edit(
        &self,
        project: &ProjectSummary,
        edit: &TokenEdit,
        images: &[ImageRecord],
        library: &SpacingLibrary,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await.map_err(|e| self.err(e))?;
        sqlx::query("INSERT INTO token_edits (project_id, edit, created_at) VALUES (?, ?, ?)")
            .bind(i64::from(project.id))
            .bind(serde_json::to_string(edit)?)
            .bind(now())
            .execute(&mut *tx)
            .await
            .map_err(|e| self.err(e))?;
        self.write_library(&mut tx, project, images, library)
            .await?;
        tx.commit().await.map_err(|e| self.err(e))?;
        Ok(())
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
