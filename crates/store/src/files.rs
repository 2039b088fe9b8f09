//! The images kept with the projects: each added image's bytes (or, over a size limit, a
//! downscaled copy), by content hash, so a project shows its pictures wherever the originals went.
//! Kept in the database, in the transaction that saves the image and its job, so a kill never
//! leaves an image without its picture or a picture without its image.

use sqlx::SqliteConnection;

use crate::db::Store;
use crate::error::StoreError;

/// What is kept of an added image.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageCopy {
    /// The file's bytes, or a downscaled PNG of it when `downscaled`.
    pub bytes: Vec<u8>,
    /// The added file's size.
    pub original_bytes: u64,
    pub downscaled: bool,
}

/// A kept image as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptImage {
    pub bytes: Vec<u8>,
    /// A downscaled copy: the original was over the kept-size limit.
    pub downscaled: bool,
}

impl Store {
    /// Keeps an image's copy under its hash, unless one is kept already (a copy of the original
    /// replaces a downscaled one).
    pub(crate) async fn keep_copy_in(
        &self,
        conn: &mut SqliteConnection,
        content_hash: &str,
        copy: &ImageCopy,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO image_files (content_hash, bytes, original_bytes, downscaled) VALUES (?, ?, ?, ?)
             ON CONFLICT (content_hash) DO UPDATE SET bytes = excluded.bytes, downscaled = excluded.downscaled
             WHERE image_files.downscaled = 1 AND excluded.downscaled = 0",
        )
        .bind(content_hash)
        .bind(&copy.bytes)
        .bind(copy.original_bytes as i64)
        .bind(copy.downscaled)
        .execute(&mut *conn)
        .await
        .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Keeps the copy of an image saved before images were kept with their projects, once its
    /// original has been read again (and its hash checked by the caller).
    pub async fn keep_copy(&self, content_hash: &str, copy: &ImageCopy) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.err(e))?;
        self.keep_copy_in(&mut conn, content_hash, copy).await
    }

    /// The kept copy of a project's image, if it has one.
    pub async fn kept_image(&self, image: u32) -> Result<Option<KeptImage>, StoreError> {
        let row: Option<(Vec<u8>, bool)> = sqlx::query_as(
            "SELECT f.bytes, f.downscaled FROM images i JOIN image_files f ON f.content_hash = i.content_hash
             WHERE i.id = ?",
        )
        .bind(i64::from(image))
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.err(e))?;
        Ok(row.map(|(bytes, downscaled)| KeptImage { bytes, downscaled }))
    }

    /// Deletes the copies no image refers to any more.
    pub(crate) async fn forget_unreferenced_in(
        &self,
        conn: &mut SqliteConnection,
    ) -> Result<u64, StoreError> {
        let r = sqlx::query(
            "DELETE FROM image_files WHERE content_hash NOT IN (SELECT content_hash FROM images)",
        )
        .execute(&mut *conn)
        .await
        .map_err(|e| self.err(e))?;
        Ok(r.rows_affected())
    }

    /// How many image copies are kept, over all projects.
    pub async fn kept_image_count(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM image_files")
            .fetch_one(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        Ok(n as u64)
    }
}
