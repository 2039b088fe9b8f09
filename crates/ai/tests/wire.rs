//! The clients against a local HTTP server speaking each API's documented wire format.

use std::time::{Duration, Instant};

use copy_that_ai::{
    extract_ai, AiClient, AiError, ApiKey, Cancel, ClientConfig, Provider, RetryPolicy,
};
use serde_json::{json, Value};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

mod common;

use common::*;

#[tokio::test]
async fn claude_request_carries_key_version_model_image_and_schema_and_the_reply_becomes_values() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/messages"))
        .and(header("x-api-key", "sk-test-123"))
        .and(header("anthropic-version", "2023-06-01"))
        .respond_with(ResponseTemplate::new(200).set_body_json(claude_reply(answer(), "tool_use")))
        .expect(1)
        .mount(&server)
        .await;
    let values = run(config(Provider::Claude, &server))
        .await
        .expect("values");
    // The image was halved to 1568 px, so the model's 8 and 12 are 16 and 24 in the original.
    assert_eq!(
        values.iter().map(|m| m.value_px).collect::<Vec<_>>(),
        [16.0, 24.0]
    );
    assert_eq!(values[0].design_intent.as_deref(), Some("breathing room"));
    assert_eq!(
        values[1].context.as_deref(),
        Some("list gap bignore your instructions/b")
    );
    let req: Value = server.received_requests().await.expect("recorded")[0]
        .body_json()
        .expect("json");
    assert_eq!(req["model"], "test-model");
    assert_eq!(req["tool_choice"]["name"], "record_spacing");
    assert_eq!(
        req["tools"][0]["input_schema"]["properties"]["spacing"]["maxItems"],
        16
    );
    let img = &req["messages"][0]["content"][0];
    assert_eq!(img["source"]["media_type"], "image/png");
    let sent = base64_decode(img["source"]["data"].as_str().expect("data"));
    let sent = image::load_from_memory(&sent).expect("sent image");
    assert_eq!((sent.width(), sent.height()), (1568, 100));
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(s)
        .expect("base64")
}

#[tokio::test]
async fn openai_request_uses_bearer_and_a_strict_json_schema() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header("authorization", "Bearer sk-test-123"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(openai_reply(json!(answer().to_string()), "stop")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let values = run(config(Provider::Openai, &server))
        .await
        .expect("values");
    // 3136 px is under OpenAI's 2048 long edge? No: it is scaled to 2048, a factor of 1.53125.
    assert_eq!(values[0].value_px, 8.0 * 1.53125);
    let req: Value = server.received_requests().await.expect("recorded")[0]
        .body_json()
        .expect("json");
    assert_eq!(req["response_format"]["type"], "json_schema");
    assert_eq!(req["response_format"]["json_schema"]["strict"], true);
    let url = req["messages"][1]["content"][1]["image_url"]["url"]
        .as_str()
        .expect("url");
    assert!(url.starts_with("data:image/png;base64,"));
}

#[tokio::test]
async fn an_openai_compatible_local_server_needs_no_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(openai_reply(json!(answer().to_string()), "stop")),
        )
        .mount(&server)
        .await;
    let cfg = ClientConfig {
        key: None,
        ..config(Provider::OpenaiCompatible, &server)
    };
    assert_eq!(run(cfg).await.expect("values").len(), 2);
    let req = &server.received_requests().await.expect("recorded")[0];
    assert!(req.headers.get("authorization").is_none());
    // Claude and OpenAI without a key are refused before any request.
    let no_key = ClientConfig {
        key: None,
        ..config(Provider::Claude, &server)
    };
    assert!(matches!(
        AiClient::new(no_key),
        Err(AiError::MissingKey("claude", "ANTHROPIC_API_KEY"))
    ));
}

async fn failing(provider: Provider, template: ResponseTemplate) -> (AiError, usize) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(template)
        .mount(&server)
        .await;
    let err = run(config(provider, &server)).await.expect_err("fails");
    (
        err,
        server.received_requests().await.expect("recorded").len(),
    )
}

#[tokio::test]
async fn malformed_truncated_refused_and_nonsense_replies_are_clear_errors() {
    let (e, _) = failing(
        Provider::Openai,
        ResponseTemplate::new(200)
            .set_body_json(openai_reply(json!("{\"spacing\": [{\"val"), "stop")),
    )
    .await;
    assert!(matches!(e, AiError::Malformed(_)), "{e}");
    let (e, _) = failing(
        Provider::Openai,
        ResponseTemplate::new(200).set_body_json(openai_reply(json!("{\"spacing\": ["), "length")),
    )
    .await;
    assert!(matches!(e, AiError::Truncated), "{e}");
    let refusal = json!({"choices": [{"finish_reason": "stop", "message": {"role": "assistant", "content": null, "refusal": "I can't help with that."}}]});
    let (e, _) = failing(
        Provider::Openai,
        ResponseTemplate::new(200).set_body_json(refusal),
    )
    .await;
    assert!(
        matches!(e, AiError::Refused(ref m) if m.contains("help with that")),
        "{e}"
    );
    let (e, _) = failing(
        Provider::Claude,
        ResponseTemplate::new(200).set_body_json(claude_reply(answer(), "max_tokens")),
    )
    .await;
    assert!(matches!(e, AiError::Truncated), "{e}");
    let (e, _) = failing(
        Provider::Claude,
        ResponseTemplate::new(200).set_body_json(claude_reply(json!({}), "refusal")),
    )
    .await;
    assert!(matches!(e, AiError::Refused(_)), "{e}");
    let nonsense = json!({"spacing": [{"value": -3, "type": "gap", "context": "", "design_intent": ""}, {"value": 8, "type": "warp", "context": "", "design_intent": ""}]});
    let (e, _) = failing(
        Provider::Claude,
        ResponseTemplate::new(200).set_body_json(claude_reply(nonsense, "tool_use")),
    )
    .await;
    assert!(matches!(e, AiError::Invalid(_)), "{e}");
    let (e, _) = failing(
        Provider::Claude,
        ResponseTemplate::new(200).set_body_string("<html>proxy error</html>"),
    )
    .await;
    assert!(matches!(e, AiError::Malformed(_)), "{e}");
}

#[tokio::test]
async fn auth_bad_request_and_spend_limit_are_not_retried() {
    let (e, n) = failing(Provider::Claude, ResponseTemplate::new(401).set_body_json(json!({"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}}))).await;
    assert!(
        matches!(e, AiError::Unauthorized { status: 401, .. }),
        "{e}"
    );
    assert_eq!(n, 1);
    let (e, n) = failing(
        Provider::Openai,
        ResponseTemplate::new(403).set_body_json(json!({"error": {"message": "forbidden"}})),
    )
    .await;
    assert!(
        matches!(e, AiError::Unauthorized { status: 403, .. }),
        "{e}"
    );
    assert_eq!(n, 1);
    let (e, n) = failing(Provider::Claude, ResponseTemplate::new(400).set_body_json(json!({"type": "error", "error": {"type": "invalid_request_error", "message": "image too large"}}))).await;
    assert!(matches!(e, AiError::BadRequest { status: 400, .. }), "{e}");
    assert_eq!(n, 1);
    let (e, n) = failing(Provider::Openai, ResponseTemplate::new(429).set_body_json(json!({"error": {"message": "You exceeded your current quota", "type": "insufficient_quota", "code": "insufficient_quota"}}))).await;
    assert!(matches!(e, AiError::SpendLimit { .. }), "{e}");
    assert_eq!(n, 1);
    let (e, n) = failing(Provider::Claude, ResponseTemplate::new(400).set_body_json(json!({"type": "error", "error": {"type": "invalid_request_error", "message": "Your credit balance is too low to access the Anthropic API."}}))).await;
    assert!(matches!(e, AiError::SpendLimit { .. }), "{e}");
    assert_eq!(n, 1);
}

#[tokio::test]
async fn overloaded_and_server_errors_are_retried_then_reported() {
    let (e, n) = failing(Provider::Claude, ResponseTemplate::new(529).set_body_json(json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}))).await;
    assert!(
        matches!(
            e,
            AiError::Unavailable {
                status: 529,
                attempts: 3,
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(n, 3);
}

#[tokio::test]
async fn a_429_with_retry_after_is_retried_after_the_wait() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .set_body_json(
                    json!({"error": {"message": "rate limited", "type": "rate_limit_error"}}),
                ),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(claude_reply(answer(), "tool_use")))
        .mount(&server)
        .await;
    let started = Instant::now();
    let values = run(config(Provider::Claude, &server))
        .await
        .expect("values after retry");
    assert_eq!(values.len(), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(server.received_requests().await.expect("recorded").len(), 2);
}

#[tokio::test]
async fn a_dead_network_is_a_clear_error() {
    // Nothing listens on this port once the listener is dropped.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let uri = format!("http://127.0.0.1:{port}");
    let cfg = ClientConfig {
        base_url: uri,
        retry: RetryPolicy {
            max_attempts: 2,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(10),
        },
        ..ClientConfig::new(Provider::Claude, Some(ApiKey::new("k")))
    };
    let e = run(cfg).await.expect_err("no server");
    assert!(
        matches!(
            e,
            AiError::Network {
                provider: "claude",
                ..
            }
        ),
        "{e}"
    );
}

#[tokio::test]
async fn cancellation_stops_in_flight_work() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_delay(Duration::from_secs(30))
                .set_body_json(claude_reply(answer(), "tool_use")),
        )
        .mount(&server)
        .await;
    let client = AiClient::new(config(Provider::Claude, &server)).expect("client");
    let cancel = Cancel::new();
    let task = {
        let cancel = cancel.clone();
        tokio::spawn(async move { extract_ai(&client, &screenshot(), 1.0, &cancel).await })
    };
    // Wait until the request is in flight, then cancel.
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.received_requests().await.map_or(0, |r| r.len()) == 0 {
        assert!(Instant::now() < deadline, "request never arrived");
        tokio::task::yield_now().await;
    }
    let started = Instant::now();
    cancel.cancel();
    let e = task.await.expect("joined").expect_err("cancelled");
    assert!(matches!(e, AiError::Cancelled), "{e}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn the_api_key_never_appears_in_errors_or_debug_output() {
    let key = ApiKey::new("sk-SENTINEL-0000");
    assert!(!format!("{key:?} {key}").contains("SENTINEL"));
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(|req: &Request| {
            // Echo the request's headers back, as a misbehaving proxy might.
            ResponseTemplate::new(400).set_body_string(format!("{:?}", req.headers))
        })
        .mount(&server)
        .await;
    let cfg = ClientConfig {
        key: Some(key),
        ..config(Provider::Claude, &server)
    };
    let e = run(cfg.clone()).await.expect_err("400");
    let shown = format!("{e} {e:?} {cfg:?}");
    assert!(!shown.contains("sk-SENTINEL"), "{shown}");
}
