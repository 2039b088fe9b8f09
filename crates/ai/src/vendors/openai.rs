//! OpenAI's Chat Completions API, which OpenAI-compatible servers (Ollama, LM Studio, vLLM) speak
//! too: the request (the image as a data URL, a strict JSON schema for the reply) and reading the
//! message's JSON out of the reply.

use reqwest::RequestBuilder;
use serde_json::{json, Value};

use crate::error::AiError;
use crate::prep::Prepared;
use crate::prompt::{instructions, schema};
use crate::provider::ClientConfig;
use crate::reply::{parse_text, validate, AiValue};

/// The request for one image, against `base` (the base URL without its trailing slash).
pub(crate) fn request(
    http: &reqwest::Client,
    cfg: &ClientConfig,
    base: &str,
    image: &Prepared,
) -> RequestBuilder {
    let body = json!({
        "model": cfg.model,
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
    let mut req = http.post(format!("{base}/chat/completions")).json(&body);
    if let Some(k) = &cfg.key {
        req = req.bearer_auth(k.expose());
    }
    req
}

/// The values in a reply, or why there are none (cut short, filtered, refused, malformed).
pub(crate) fn read(reply: &Value) -> Result<Vec<AiValue>, AiError> {
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
