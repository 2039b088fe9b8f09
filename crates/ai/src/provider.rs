//! The provider catalogue: which vendors and servers the AI engine speaks to, their defaults (model,
//! base URL, key variable, image size) and a client's configuration.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use specta::Type;

pub use crate::retry::RetryPolicy;
use crate::secret::ApiKey;

/// A vision model provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Provider {
    Claude,
    Openai,
    OpenaiCompatible,
}

impl Provider {
    pub fn name(self) -> &'static str {
        match self {
            Provider::Claude => "claude",
            Provider::Openai => "openai",
            Provider::OpenaiCompatible => "openai-compatible",
        }
    }
    /// Defaults current at the time of writing; a setting, not a constant of the code paths.
    pub fn default_model(self) -> &'static str {
        match self {
            Provider::Claude => "claude-sonnet-4-5",
            Provider::Openai => "gpt-4.1",
            Provider::OpenaiCompatible => "llava",
        }
    }
    pub fn default_base_url(self) -> &'static str {
        match self {
            Provider::Claude => "https://api.anthropic.com",
            Provider::Openai => "https://api.openai.com/v1",
            Provider::OpenaiCompatible => "http://localhost:11434/v1",
        }
    }
    /// The environment variable a key for this provider is read from: the vendor's own SDKs'
    /// for Claude and OpenAI; a dedicated one for an OpenAI-compatible server, so OpenAI's key is
    /// never sent to a server that is not OpenAI.
    pub fn env_var(self) -> &'static str {
        match self {
            Provider::Claude => "ANTHROPIC_API_KEY",
            Provider::Openai => "OPENAI_API_KEY",
            Provider::OpenaiCompatible => "OPENAI_COMPATIBLE_API_KEY",
        }
    }
    /// Recommended long edge of images sent.
    pub fn long_edge(self) -> u32 {
        match self {
            Provider::Claude => 1568,
            _ => 2048,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub provider: Provider,
    pub model: String,
    pub base_url: String,
    pub key: Option<ApiKey>,
    pub timeout: Duration,
    pub retry: RetryPolicy,
    /// Largest number of requests in flight at once.
    pub concurrency: usize,
}

impl ClientConfig {
    pub fn new(provider: Provider, key: Option<ApiKey>) -> Self {
        Self {
            provider,
            model: provider.default_model().into(),
            base_url: provider.default_base_url().into(),
            key,
            timeout: Duration::from_secs(90),
            retry: RetryPolicy::default(),
            concurrency: 5,
        }
    }
}
