//! The AI reply cache: measurements an AI engine returned for an image, by cache key, so the same
//! image asked again with the same settings costs no second request.

use copy_that_spacing::Measurement;

use crate::db::{now, Store};

use crate::error::StoreError;

impl Store {
    pub async fn ai_cache_get(&self, key: &str) -> Result<Option<Vec<Measurement>>, StoreError> {
        let text: Option<String> =
            sqlx::query_scalar("SELECT measurements FROM ai_cache WHERE key = ?")
                .bind(key)
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.err(e))?;
        Ok(match text {
            Some(t) => Some(serde_json::from_str(&t)?),
            None => None,
        })
    }

    pub async fn ai_cache_put(
        &self,
        key: &str,
        measurements: &[Measurement],
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT OR REPLACE INTO ai_cache (key, measurements, created_at) VALUES (?, ?, ?)",
        )
        .bind(key)
        .bind(serde_json::to_string(measurements)?)
        .bind(now())
        .execute(&self.pool)
        .await
        .map_err(|e| self.err(e))?;
        Ok(())
    }
}
