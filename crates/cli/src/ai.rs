//! `--provider`: AI engines for `extract`, their keys, their cache.

use std::path::Path;

use anyhow::{Context, Result};
use copy_that_ai::{
    cache_key, extract_ai, hybrid, AiClient, Cancel, EngineKind, MemoryCache, Provider,
};
use copy_that_pipeline::engine::{client_config, provider_of};
use copy_that_spacing::Measurement;
use copy_that_store::Store;

use crate::extract::Measured;

/// The engine chosen on the command line, ready to run.
pub struct Engine {
    pub kind: EngineKind,
    client: Option<AiClient>,
}

/// What one image contributes: its system's values, and what to record for it.
pub struct ImageResult {
    pub measurements: Vec<Measurement>,
    pub provider: String,
    pub model: String,
}

impl Engine {
    pub fn build(
        kind: EngineKind,
        hybrid_with: Provider,
        model: Option<String>,
        base_url: Option<String>,
    ) -> Result<Engine> {
        let Some(provider) = provider_of(kind, hybrid_with) else {
            return Ok(Engine { kind, client: None });
        };
        let cfg = client_config(provider, model.as_deref(), base_url.as_deref())
            .with_context(|| format!("the {} engine could not be set up", provider.name()))?;
        Ok(Engine {
            kind,
            client: Some(AiClient::new(cfg)?),
        })
    }

    /// Each image's values: local selection, AI values, or AI values snapped to the local ones.
    /// An image the AI fails on is reported; hybrid then keeps its local values.
    pub fn systems(
        &self,
        measured: &[Measured],
        local: Vec<Vec<Measurement>>,
        project_dir: Option<&Path>,
    ) -> Result<Vec<Option<ImageResult>>> {
        let Some(client) = &self.client else {
            return Ok(local
                .into_iter()
                .map(|m| {
                    Some(ImageResult {
                        measurements: m,
                        provider: "local".into(),
                        model: copy_that_measure::ALGORITHM_VERSION.into(),
                    })
                })
                .collect());
        };
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        rt.block_on(async {
            let store = match project_dir {
                Some(dir) => Some(Store::open_dir(dir).await?),
                None => None,
            };
            let memory = MemoryCache::default();
            let cancel = Cancel::new();
            let on_ctrl_c = {
                let cancel = cancel.clone();
                tokio::spawn(async move {
                    if tokio::signal::ctrl_c().await.is_ok() {
                        cancel.cancel();
                    }
                })
            };
            let tasks: Vec<_> = measured
                .iter()
                .map(|m| {
                    let client = client.clone();
                    let cancel = cancel.clone();
                    let path = m.path.clone();
                    let dpr = m.extraction.dpr;
                    async move {
                        let bytes = tokio::fs::read(&path)
                            .await
                            .map_err(|e| copy_that_ai::AiError::Image(e.to_string()))?;
                        let key = cache_key(&bytes, client.provider(), client.model());
                        Ok::<_, copy_that_ai::AiError>((key, bytes, dpr, client, cancel))
                    }
                })
                .collect();
            let mut out = Vec::with_capacity(measured.len());
            let mut handles = Vec::new();
            for (task, local) in tasks.into_iter().zip(local) {
                let prepared = task.await;
                let cached = match &prepared {
                    Ok((key, ..)) => match &store {
                        Some(s) => s.ai_cache_get(key).await.unwrap_or(None),
                        None => memory.get(key),
                    },
                    Err(_) => None,
                };
                handles.push((
                    tokio::spawn(async move {
                        let (key, bytes, dpr, client, cancel) = prepared?;
                        if let Some(hit) = cached {
                            return Ok((key, hit, true));
                        }
                        extract_ai(&client, &bytes, dpr, &cancel)
                            .await
                            .map(|v| (key, v, false))
                    }),
                    local,
                ));
            }
            for ((handle, local), m) in handles.into_iter().zip(measured) {
                let result = handle
                    .await
                    .map_err(|e| copy_that_ai::AiError::Image(e.to_string()))
                    .and_then(|r| r);
                let provider = client.provider().name().to_string();
                match result {
                    Ok((key, ai, from_cache)) => {
                        if !from_cache {
                            match &store {
                                Some(s) => s.ai_cache_put(&key, &ai).await?,
                                None => memory.put(&key, &ai),
                            }
                        }
                        let measurements = if self.kind == EngineKind::Hybrid {
                            hybrid::snap(&ai, &local)
                        } else {
                            ai
                        };
                        let provider = if self.kind == EngineKind::Hybrid {
                            "hybrid".to_string()
                        } else {
                            provider
                        };
                        out.push(Some(ImageResult {
                            measurements,
                            provider,
                            model: client.model().to_string(),
                        }));
                    }
                    Err(e) => {
                        eprintln!(
                            "copy-that: {}",
                            crate::term::safe(&format!("{}: {e}", m.path.display()))
                        );
                        out.push((self.kind == EngineKind::Hybrid).then(|| ImageResult {
                            measurements: local,
                            provider: "local".into(),
                            model: copy_that_measure::ALGORITHM_VERSION.into(),
                        }));
                    }
                }
            }
            on_ctrl_c.abort();
            if let Some(s) = store {
                s.close().await;
            }
            Ok(out)
        })
    }
}
