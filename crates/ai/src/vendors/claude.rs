//! Anthropic's Messages API: the request (the image, the instructions, a `record_spacing` tool the
//! model must call) and reading the tool call's input out of the reply.

use reqwest::RequestBuilder;
use serde_json::{json, Value};

use crate::error::AiError;
use crate::prep::Prepared;
use crate::prompt::{instructions, schema};
use crate::provider::ClientConfig;
use crate::reply::{validate, AiValue};

/// The request for one image, against `base` (the base URL without its trailing slash).
pub(crate) fn request(
    http: &reqwest::Client,
    cfg: &ClientConfig,
    base: &str,
    image: &Prepared,
) -> RequestBuilder {
    let body = json!({
        "model": cfg.model,
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
    let mut req = http
        .post(format!("{base}/v1/messages"))
        .header("anthropic-version", "2023-06-01")
        .json(&body);
    if let Some(k) = &cfg.key {
        req = req.header("x-api-key", k.expose());
    }
    req
}

/// The values in a reply, or why there are none (cut short, refused, malformed).
pub(crate) fn read(reply: &Value) -> Result<Vec<AiValue>, AiError> {
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
