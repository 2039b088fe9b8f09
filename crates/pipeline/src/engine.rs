//! Building the AI client a run needs from the settings and the key store.

use copy_that_ai::{load_key, AiClient, ApiKey, ClientConfig, EngineKind, Provider};

use crate::error::PipelineError;
use crate::settings::Settings;

/// The provider an engine asks, if any.
pub fn provider_of(engine: EngineKind, hybrid_with: Provider) -> Option<Provider> {
    match engine {
        EngineKind::Local => None,
        EngineKind::Claude => Some(Provider::Claude),
        EngineKind::Openai => Some(Provider::Openai),
        EngineKind::OpenaiCompatible => Some(Provider::OpenaiCompatible),
        EngineKind::Hybrid => Some(hybrid_with),
    }
}

/// The key for a provider: the vendor's environment variable when set (as their SDKs do), else
/// the OS keyring. A local OpenAI-compatible server needs none.
pub fn key_for(provider: Provider) -> Result<Option<ApiKey>, PipelineError> {
    if let Ok(k) = std::env::var(provider.env_var()) {
        if !k.trim().is_empty() {
            return Ok(Some(ApiKey::new(k.trim())));
        }
    }
    match load_key(provider.name()) {
        Ok(k) => Ok(k),
        Err(_) if provider == Provider::OpenaiCompatible => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The client for the settings' engine, or `None` for the local engine.
pub fn build_client(settings: &Settings) -> Result<Option<AiClient>, PipelineError> {
    let Some(provider) = provider_of(settings.engine, settings.hybrid_with) else {
        return Ok(None);
    };
    let mut cfg = ClientConfig::new(provider, key_for(provider)?);
    if !settings.model.trim().is_empty() {
        cfg.model = settings.model.trim().into();
    }
    if !settings.base_url.trim().is_empty() {
        cfg.base_url = settings.base_url.trim().into();
    }
    cfg.concurrency = settings.concurrency.max(1) as usize;
    Ok(Some(AiClient::new(cfg)?))
}
