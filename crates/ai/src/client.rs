//! The transport every vendor shares: one HTTP client without redirects, a limit on requests in
//! flight, retries with backoff (and the server's `retry-after`), a cap on the reply's size, and
//! cancellation at every wait. What a request and a reply look like is each vendor's (`vendors`).

use std::sync::Arc;

use serde_json::Value;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use crate::error::AiError;
use crate::prep::Prepared;
pub use crate::provider::{ClientConfig, Provider, RetryPolicy};
use crate::reply::{parse_text, AiValue};
use crate::retry::{backoff, classify, read_reply, root_cause, Attempt, MAX_REPLY_BYTES};
use crate::vendors;

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
        vendors::read_values(self.cfg.provider, &reply)
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
                r = vendors::request(&self.http, &self.cfg, image).send() => r,
                _ = cancel.cancelled() => return Err(AiError::Cancelled),
            };
            let next = match outcome {
                Ok(resp) if resp.status().is_success() => {
                    let text = tokio::select! {
                        t = read_reply(provider, resp, MAX_REPLY_BYTES, self.cfg.timeout) => t?,
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
    vendors::read_values(provider, &parse_text(body)?)
}
