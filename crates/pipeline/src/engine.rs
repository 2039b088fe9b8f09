//! Building the AI client a run needs from the settings (or the command line) and the key store.
//! The CLI and the app both come through [`client_config`], so the rule on where a key may go is
//! applied once: a base URL is a [`BaseUrl`] checked for its provider, and a provider's key is
//! only ever its own.

use copy_that_ai::{
    load_key, AiClient, AiError, ApiKey, BaseUrl, ClientConfig, EngineKind, Provider,
};

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

/// An engine's name, as the command line spells it and a library's `provider` records it.
pub(crate) fn engine_name(engine: EngineKind) -> &'static str {
    match engine {
        EngineKind::Local => "local",
        EngineKind::Claude => "claude",
        EngineKind::Openai => "openai",
        EngineKind::OpenaiCompatible => "openai-compatible",
        EngineKind::Hybrid => "hybrid",
    }
}

/// The key for a provider: its own environment variable when set (`ANTHROPIC_API_KEY`,
/// `OPENAI_API_KEY`, `OPENAI_COMPATIBLE_API_KEY`), else its own keyring entry. A local
/// OpenAI-compatible server needs none. OpenAI's key is never an OpenAI-compatible server's.
fn key_for(provider: Provider) -> Result<Option<ApiKey>, PipelineError> {
    key_from(provider, |var| std::env::var(var).ok(), load_key)
}

fn key_from(
    provider: Provider,
    env: impl Fn(&str) -> Option<String>,
    keyring: impl Fn(&str) -> Result<Option<ApiKey>, AiError>,
) -> Result<Option<ApiKey>, PipelineError> {
    if let Some(k) = env(provider.env_var()) {
        if !k.trim().is_empty() {
            return Ok(Some(ApiKey::new(k.trim())));
        }
    }
    match keyring(provider.name()) {
        Ok(k) => Ok(k),
        Err(_) if provider == Provider::OpenaiCompatible => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// A client configuration for `provider`: the base URL checked before any key is read (blank
/// means the provider's default), the model (blank means the default), the provider's own key.
pub fn client_config(
    provider: Provider,
    model: Option<&str>,
    base_url: Option<&str>,
) -> Result<ClientConfig, PipelineError> {
    let base = BaseUrl::parse_or_default(provider, base_url)?;
    let mut cfg = ClientConfig::new(provider, key_for(provider)?);
    if let Some(m) = model.map(str::trim).filter(|m| !m.is_empty()) {
        cfg.model = m.into();
    }
    cfg.base_url = base.as_str().into();
    Ok(cfg)
}

/// The client for the settings' engine, or `None` for the local engine. The settings' base URL
/// is the OpenAI-compatible server's; Claude and OpenAI always go to their official hosts.
pub fn build_client(settings: &Settings) -> Result<Option<AiClient>, PipelineError> {
    let Some(provider) = provider_of(settings.engine, settings.hybrid_with) else {
        return Ok(None);
    };
    let base_url = (provider == Provider::OpenaiCompatible).then_some(settings.base_url.as_str());
    let mut cfg = client_config(provider, Some(&settings.model), base_url)?;
    cfg.concurrency = settings.concurrency.get() as usize;
    Ok(Some(AiClient::new(cfg)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_with_every_vendor_key(var: &str) -> Option<String> {
        Some(format!("key-from-{var}"))
    }

    #[test]
    fn openai_api_key_is_never_sent_to_an_openai_compatible_server() {
        let only_openai = |var: &str| (var == "OPENAI_API_KEY").then(|| "sk-openai".to_string());
        let no_keyring = |_: &str| Err(AiError::Keyring("no keyring".into()));
        let key = key_from(Provider::OpenaiCompatible, only_openai, no_keyring).expect("no error");
        assert_eq!(key, None);
        let key = key_from(
            Provider::OpenaiCompatible,
            env_with_every_vendor_key,
            no_keyring,
        )
        .expect("key");
        assert_eq!(
            key.as_ref().map(ApiKey::expose),
            Some("key-from-OPENAI_COMPATIBLE_API_KEY")
        );
        // Each provider reads its own keyring entry.
        let keyring = |name: &str| Ok(Some(ApiKey::new(format!("ring-{name}"))));
        for p in [
            Provider::Claude,
            Provider::Openai,
            Provider::OpenaiCompatible,
        ] {
            let key = key_from(p, |_| None, keyring).expect("key");
            assert_eq!(
                key.as_ref().map(ApiKey::expose),
                Some(format!("ring-{}", p.name()).as_str())
            );
        }
    }

    #[test]
    fn a_vendor_base_url_off_the_official_host_is_refused_before_any_key_is_read() {
        let e = client_config(Provider::Claude, None, Some("http://127.0.0.1:9")).unwrap_err();
        assert!(matches!(e, PipelineError::Ai(AiError::BaseUrl(_))), "{e}");
    }
}
