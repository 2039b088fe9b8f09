//! AI vision extractors: Claude, OpenAI and OpenAI-compatible local servers, asked for the intent
//! and context of spacing; their numbers snapped to what the local engine measured.

pub mod client;
pub mod endpoint;
pub mod error;
pub mod hybrid;
pub mod prep;
pub mod prompt;
pub mod provider;
pub mod reply;
pub mod retry;
pub mod secret;
mod vendors;

use std::collections::HashMap;
use std::sync::Mutex;

use copy_that_spacing::Measurement;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;
use tokio_util::sync::CancellationToken;

pub use client::{AiClient, ClientConfig, Provider, RetryPolicy};
pub use endpoint::BaseUrl;
pub use error::AiError;
pub use secret::{delete_key, load_key, store_key, ApiKey, KEYRING_SERVICE};
pub use tokio_util::sync::CancellationToken as Cancel;

/// Largest image sent, in bytes (Claude's limit is 5 MB per image).
const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// Confidence of a value the model reported (its numbers are estimates; hybrid snaps them).
const AI_CONFIDENCE: f64 = 0.6;

/// Which engine measures images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum EngineKind {
    Local,
    Claude,
    Openai,
    OpenaiCompatible,
    /// Local measurement plus an AI provider's intent and context.
    Hybrid,
}

impl std::str::FromStr for EngineKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "local" => EngineKind::Local,
            "claude" => EngineKind::Claude,
            "openai" => EngineKind::Openai,
            "openai-compatible" => EngineKind::OpenaiCompatible,
            "hybrid" => EngineKind::Hybrid,
            other => {
                return Err(format!(
                    "unknown provider {other:?} (local, claude, openai, openai-compatible, hybrid)"
                ))
            }
        })
    }
}

/// The cache key of a reply: the same image, provider, model and prompt never cost twice.
pub fn cache_key(image: &[u8], provider: Provider, model: &str) -> String {
    let digest = Sha256::digest(image);
    let hash: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{hash}:{}:{model}:{}",
        provider.name(),
        prompt::PROMPT_VERSION
    )
}

/// An in-memory reply cache, for when no project database is open.
#[derive(Default)]
pub struct MemoryCache(Mutex<HashMap<String, Vec<Measurement>>>);

impl MemoryCache {
    pub fn get(&self, key: &str) -> Option<Vec<Measurement>> {
        self.0.lock().ok()?.get(key).cloned()
    }
    pub fn put(&self, key: &str, value: &[Measurement]) {
        if let Ok(mut m) = self.0.lock() {
            m.insert(key.to_string(), value.to_vec());
        }
    }
}

/// Asks the model about one image and returns its values as measurements in CSS px (mapped back
/// through the downscale and the pixel density).
pub async fn extract_ai(
    client: &AiClient,
    image: &[u8],
    dpr: f64,
    cancel: &CancellationToken,
) -> Result<Vec<Measurement>, AiError> {
    let provider = client.provider();
    let bytes = image.to_vec();
    let prepared = tokio::task::spawn_blocking(move || {
        prep::prepare(&bytes, provider.long_edge(), MAX_IMAGE_BYTES)
    })
    .await
    .map_err(|e| AiError::Image(e.to_string()))??;
    let values = client.analyse(&prepared, cancel).await?;
    let dpr = if dpr > 0.0 { dpr } else { 1.0 };
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        let css = v.px * prepared.scale / dpr;
        let Ok(m) = Measurement::new(css, AI_CONFIDENCE, v.spacing_type) else {
            continue;
        };
        out.push(Measurement {
            context: (!v.context.is_empty()).then_some(v.context),
            design_intent: (!v.design_intent.is_empty()).then_some(v.design_intent),
            ..m
        });
    }
    if out.is_empty() {
        return Err(AiError::Invalid(
            "every value was out of range once mapped to CSS px".into(),
        ));
    }
    Ok(out)
}
