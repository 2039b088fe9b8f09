//! What a failed HTTP attempt means: retried (after how long) or reported, in words a designer can
//! act on. Everything here reads what the server sent, so nothing here may trust it.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::error::AiError;
use crate::secret::ApiKey;

/// How failures are retried.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

/// The longest `retry-after` honoured, whatever the server asks; the policy's `max_delay` then
/// bounds it further.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(3600);

/// What a failed attempt means for the next one.
pub(crate) enum Attempt {
    Retry { status: u16, wait: Option<Duration> },
    Fail(AiError),
}

pub(crate) fn root_cause(e: &reqwest::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg = s.to_string();
        src = s.source();
    }
    msg
}

/// Exponential backoff with full jitter (from the clock's nanoseconds: no RNG dependency needed).
pub(crate) fn backoff(policy: &RetryPolicy, attempt: u32) -> Duration {
    let cap = policy.base_delay.saturating_mul(1 << attempt.min(10));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let frac = f64::from(nanos % 1000) / 1000.0;
    cap.mul_f64(0.5 + 0.5 * frac)
}

/// A `retry-after` header in seconds (`"2"`, `"0.5"`), clamped to [`MAX_RETRY_AFTER`]. Negative,
/// NaN, infinite or unparsable values (and HTTP dates) are ignored: the backoff applies instead.
/// Never panics, whatever the server sends (`1e20` once did, converting to a `Duration`).
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let secs = value.trim().parse::<f64>().ok()?;
    if !secs.is_finite() || secs < 0.0 {
        return None;
    }
    let secs = secs.min(MAX_RETRY_AFTER.as_secs_f64());
    Duration::try_from_secs_f64(secs).ok()
}

/// Longest error body read; the message shown is cut much shorter.
const MAX_ERROR_BODY: usize = 64 * 1024;
/// Longest server message shown, in characters.
pub const MAX_MESSAGE: usize = 300;

/// The first `cap` bytes of a body (an error page can be any size).
async fn read_capped(mut resp: reqwest::Response, cap: usize) -> String {
    let mut bytes = Vec::new();
    while bytes.len() < cap {
        match resp.chunk().await {
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            _ => break,
        }
    }
    bytes.truncate(cap);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Longest successful reply read. A list of spacing values is a few KB; 8 MB leaves room for any
/// verbose model, while an endless or hostile body is cut off as it streams in, never buffered.
pub const MAX_REPLY_BYTES: usize = 8 * 1024 * 1024;

/// A successful reply's body, refused once it passes `cap` bytes (or when its stated length does).
pub(crate) async fn read_reply(
    provider: &'static str,
    mut resp: reqwest::Response,
    cap: usize,
    timeout: std::time::Duration,
) -> Result<String, AiError> {
    let too_large = || AiError::ReplyTooLarge {
        provider,
        max_mb: cap >> 20,
    };
    if resp.content_length().is_some_and(|n| n > cap as u64) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    // A server trickling its reply runs into the request's deadline while the body is read:
    // that is a timeout, not "error decoding response body".
    while let Some(chunk) = resp.chunk().await.map_err(|e| {
        if e.is_timeout() {
            AiError::Timeout {
                provider,
                seconds: timeout.as_secs(),
            }
        } else {
            AiError::Network {
                provider,
                message: e.to_string(),
            }
        }
    })? {
        if bytes.len() + chunk.len() > cap {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| AiError::Malformed("the reply is not UTF-8 text".into()))
}

/// A server's message as it may be shown: the key masked first (a proxy may echo the request, in
/// any case; masking after the cut would miss a key the cut shortened), then control characters
/// dropped, then cut to [`MAX_MESSAGE`] characters.
pub fn shown_message(message: &str, key: Option<&ApiKey>) -> String {
    let window = MAX_MESSAGE + key.map_or(0, |k| k.expose().chars().count());
    let head: String = message.chars().take(window).collect();
    let masked = match key {
        Some(k) => k.redact(&head),
        None => head,
    };
    masked
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
        .take(MAX_MESSAGE)
        .collect()
}

pub(crate) async fn classify(
    provider: &'static str,
    resp: reqwest::Response,
    key: Option<&ApiKey>,
) -> Attempt {
    let status = resp.status();
    let retry_after = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after);
    let body = read_capped(resp, MAX_ERROR_BODY).await;
    let json: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let message = json
        .pointer("/error/message")
        .and_then(Value::as_str)
        .unwrap_or(body.as_str());
    let message = shown_message(message, key);
    let code = json
        .pointer("/error/code")
        .and_then(Value::as_str)
        .unwrap_or("");
    let kind = json
        .pointer("/error/type")
        .and_then(Value::as_str)
        .unwrap_or("");
    let spend = code == "insufficient_quota"
        || kind == "insufficient_quota"
        || message.to_lowercase().contains("credit balance")
        || message.to_lowercase().contains("spending limit");
    match status {
        _ if spend => Attempt::Fail(AiError::SpendLimit { provider, message }),
        s if s.is_redirection() => Attempt::Fail(AiError::Redirected {
            provider,
            status: s.as_u16(),
        }),
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Attempt::Fail(AiError::Unauthorized {
            provider,
            status: status.as_u16(),
        }),
        StatusCode::REQUEST_TIMEOUT | StatusCode::CONFLICT | StatusCode::TOO_MANY_REQUESTS => {
            Attempt::Retry {
                status: status.as_u16(),
                wait: retry_after,
            }
        }
        s if s.is_server_error() || s.as_u16() == 529 => Attempt::Retry {
            status: s.as_u16(),
            wait: retry_after,
        },
        s => Attempt::Fail(AiError::BadRequest {
            provider,
            status: s.as_u16(),
            message,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_cut_at_the_message_limit_is_masked_before_the_cut() {
        let key = ApiKey::new("sk-proj-ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        let echoed = format!("{}{}", "x".repeat(MAX_MESSAGE - 12), key.expose());
        let shown = shown_message(&echoed, Some(&key));
        assert!(!shown.contains("sk-proj-"), "{shown}");
        assert!(shown.ends_with(crate::secret::MASK), "{shown}");
        let shown = shown_message(&echoed.to_uppercase(), Some(&key));
        assert!(!shown.to_lowercase().contains("sk-proj-"), "{shown}");
        assert_eq!(
            shown_message("bad\u{1b}[31m red\r\nline", None),
            "bad[31m red  line"
        );
    }

    #[test]
    fn retry_after_of_1e20_negative_nan_or_inf_does_not_panic() {
        assert_eq!(parse_retry_after("1e20"), Some(MAX_RETRY_AFTER));
        assert_eq!(parse_retry_after("1e308"), Some(MAX_RETRY_AFTER));
        assert_eq!(
            parse_retry_after("18446744073709551616"),
            Some(MAX_RETRY_AFTER)
        );
        for bad in [
            "-1", "-0.5", "NaN", "nan", "inf", "-inf", "infinity", "", "soon",
        ] {
            assert_eq!(parse_retry_after(bad), None, "{bad}");
        }
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            None,
            "an HTTP date falls back to the backoff"
        );
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.25"), Some(Duration::from_millis(250)));
        assert_eq!(parse_retry_after("0"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("1e-300"), Some(Duration::ZERO));
    }
}
