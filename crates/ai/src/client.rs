//! HTTP clients for the Anthropic Messages API and the OpenAI Chat Completions API (which local
//! OpenAI-compatible servers also speak): timeouts, cancellation, bounded concurrency, and retries
//! with jittered backoff that honour `retry-after`.

use std::sync::Arc;
use std::time::Duration;

use reqwest::RequestBuilder;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use specta::Type;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use crate::error::AiError;
use crate::prep::Prepared;
use crate::prompt::{instructions, schema};
use crate::reply::{parse_text, validate, AiValue};
pub use crate::retry::RetryPolicy;
use crate::retry::{backoff, classify, read_reply, root_cause, Attempt, MAX_REPLY_BYTES};
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

#[derive(Clone)]
pub struct AiClient {
    http: reqwest::Client,
    pub(crate) cfg: Arc<ClientConfig>,
    limit: Arc<Semaphore>,
}

impl AiClient {
    pub fn new(cfg: ClientConfig) -> Result<Self, AiError> {
        if cfg.key.is_none() && cfg.provider != Provider::OpenaiCompatible {
            return Err(AiError::MissingKey(
                cfg.provider.name(),
                cfg.provider.env_var(),
            ));
        }
        // A redirect is reported, never followed: reqwest would carry `x-api-key` (and, to the
        // same host, `Authorization`) along, and no API these clients speak redirects a POST.
        let http = reqwest::Client::builder()
            .timeout(cfg.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| AiError::Network {
                provider: cfg.provider.name(),
                message: e.to_string(),
            })?;
        let limit = Arc::new(Semaphore::new(cfg.concurrency.max(1)));
        Ok(Self {
            http,
            cfg: Arc::new(cfg),
            limit,
        })
    }

    pub fn provider(&self) -> Provider {
        self.cfg.provider
    }

    pub fn model(&self) -> &str {
        &self.cfg.model
    }

    /// Sends one prepared image and returns the validated values, in pixels of the sent image.
    pub async fn analyse(
        &self,
        image: &Prepared,
        cancel: &CancellationToken,
    ) -> Result<Vec<AiValue>, AiError> {
        let _permit = tokio::select! {
            p = self.limit.acquire() => p.map_err(|_| AiError::Cancelled)?,
            _ = cancel.cancelled() => return Err(AiError::Cancelled),
        };
        let reply = self.send_with_retry(image, cancel).await?;
        read_values(self.cfg.provider, &reply)
    }

    fn request(&self, image: &Prepared) -> RequestBuilder {
        let base = self.cfg.base_url.trim_end_matches('/');
        match self.cfg.provider {
            Provider::Claude => {
                let body = json!({
                    "model": self.cfg.model,
                    "max_tokens": 2048,
                    "system": instructions(),
                    "messages": [{"role": "user", "content": [
                        {"type": "image", "source": {"type": "base64", "media_type": image.media_type, "data": image.base64}},
                        {"type": "text", "text": "Measure the spacing in this screenshot."}
                    ]}],
                    "tools": [{
                        "name": "record_spacing",
                        "description": "Record the spacing values measured in the screenshot.",
                        "input_schema": schema()
                    }],
                    "tool_choice": {"type": "tool", "name": "record_spacing"}
                });
                let mut req = self
                    .http
                    .post(format!("{base}/v1/messages"))
                    .header("anthropic-version", "2023-06-01")
                    .json(&body);
                if let Some(k) = &self.cfg.key {
                    req = req.header("x-api-key", k.expose());
                }
                req
            }
            Provider::Openai | Provider::OpenaiCompatible => {
                let body = json!({
                    "model": self.cfg.model,
                    "max_completion_tokens": 2048,
                    "messages": [
                        {"role": "system", "content": instructions()},
                        {"role": "user", "content": [
                            {"type": "text", "text": "Measure the spacing in this screenshot."},
                            {"type": "image_url", "image_url": {"url": format!("data:{};base64,{}", image.media_type, image.base64)}}
                        ]}
                    ],
                    "response_format": {"type": "json_schema", "json_schema": {"name": "spacing", "strict": true, "schema": schema()}}
                });
                let mut req = self
                    .http
                    .post(format!("{base}/chat/completions"))
                    .json(&body);
                if let Some(k) = &self.cfg.key {
                    req = req.bearer_auth(k.expose());
                }
                req
            }
        }
    }

    async fn send_with_retry(
        &self,
        image: &Prepared,
        cancel: &CancellationToken,
    ) -> Result<Value, AiError> {
        let provider = self.cfg.provider.name();
        let policy = &self.cfg.retry;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let outcome = tokio::select! {
                r = self.request(image).send() => r,
                _ = cancel.cancelled() => return Err(AiError::Cancelled),
            };
            let next = match outcome {
                Ok(resp) if resp.status().is_success() => {
                    let text = tokio::select! {
                        t = read_reply(provider, resp, MAX_REPLY_BYTES) => t?,
                        _ = cancel.cancelled() => return Err(AiError::Cancelled),
                    };
                    return parse_text(&text);
                }
                Ok(resp) => classify(provider, resp, self.cfg.key.as_ref()).await,
                Err(e) if e.is_timeout() => Attempt::Fail(AiError::Timeout {
                    provider,
                    seconds: self.cfg.timeout.as_secs(),
                }),
                Err(e) => {
                    if attempt >= policy.max_attempts {
                        Attempt::Fail(AiError::Network {
                            provider,
                            message: root_cause(&e),
                        })
                    } else {
                        Attempt::Retry {
                            status: 0,
                            wait: None,
                        }
                    }
                }
            };
            match next {
                Attempt::Fail(e) => return Err(e),
                Attempt::Retry { status, wait } => {
                    if attempt >= policy.max_attempts {
                        return Err(AiError::Unavailable {
                            provider,
                            status,
                            attempts: attempt,
                        });
                    }
                    let wait = wait
                        .unwrap_or_else(|| backoff(policy, attempt))
                        .min(policy.max_delay);
                    tokio::select! {
                        _ = tokio::time::sleep(wait) => {}
                        _ = cancel.cancelled() => return Err(AiError::Cancelled),
                    }
                }
            }
        }
    }
}

/// Reads a provider's whole reply body, as received, into validated values: the JSON, then the
/// provider's envelope, then the values. The same steps [`AiClient::analyse`] takes on a reply; public
/// so the fuzz target can feed it any bytes a server could send.
pub fn read_reply_body(provider: Provider, body: &str) -> Result<Vec<AiValue>, AiError> {
    read_values(provider, &parse_text(body)?)
}

fn read_values(provider: Provider, reply: &Value) -> Result<Vec<AiValue>, AiError> {
    match provider {
        Provider::Claude => read_claude(reply),
        Provider::Openai | Provider::OpenaiCompatible => read_openai(reply),
    }
}

fn read_claude(reply: &Value) -> Result<Vec<AiValue>, AiError> {
    match reply.get("stop_reason").and_then(Value::as_str) {
        Some("max_tokens") => return Err(AiError::Truncated),
        Some("refusal") => {
            return Err(AiError::Refused(
                "the provider's safety system stopped the reply".into(),
            ))
        }
        _ => {}
    }
    let content = reply
        .get("content")
        .and_then(Value::as_array)
        .ok_or_else(|| AiError::Malformed("no content".into()))?;
    let input = content
        .iter()
        .find(|b| b.get("type").and_then(Value::as_str) == Some("tool_use"))
        .and_then(|b| b.get("input"));
    match input {
        Some(input) => validate(input),
        None => {
            let text: String = content
                .iter()
                .filter_map(|b| b.get("text").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            Err(AiError::Refused(crate::reply::clean(&text)))
        }
    }
}

fn read_openai(reply: &Value) -> Result<Vec<AiValue>, AiError> {
    let choice = reply
        .pointer("/choices/0")
        .ok_or_else(|| AiError::Malformed("no choices".into()))?;
    match choice.get("finish_reason").and_then(Value::as_str) {
        Some("length") => return Err(AiError::Truncated),
        Some("content_filter") => return Err(AiError::Refused("content filter".into())),
        _ => {}
    }
    let message = choice
        .get("message")
        .ok_or_else(|| AiError::Malformed("no message".into()))?;
    if let Some(refusal) = message.get("refusal").and_then(Value::as_str) {
        return Err(AiError::Refused(crate::reply::clean(refusal)));
    }
    let text = message
        .get("content")
        .and_then(Value::as_str)
        .ok_or_else(|| AiError::Malformed("no content".into()))?;
    validate(&parse_text(text)?)
}
