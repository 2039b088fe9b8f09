//! `extract --provider` against a local OpenAI-compatible server, a sentinel key that must never
//! reach the output, the logs, the database or an export, and vendor keys that must never reach a
//! server that is not the vendor's.

use std::process::Command;

use serde_json::{json, Value};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

mod common;

const SENTINEL: &str = "sk-compat-SENTINEL-7f3a";
/// Vendor keys in the environment: never sent to a server that is not the vendor's.
const VENDOR_KEYS: [(&str, &str); 2] = [
    ("ANTHROPIC_API_KEY", "sk-ant-VENDOR-1111"),
    ("OPENAI_API_KEY", "sk-openai-VENDOR-2222"),
];

fn reply() -> Value {
    let answer = json!({"spacing": [
        {"value": 23, "type": "padding", "context": "card padding", "design_intent": "breathing room"},
        {"value": 16.5, "type": "gap", "context": "button group", "design_intent": "tight grouping"},
        {"value": 90, "type": "margin", "context": "page margin", "design_intent": "frame"}
    ]});
    json!({
        "id": "chatcmpl-1", "object": "chat.completion", "model": "llava-test",
        "choices": [{"index": 0, "finish_reason": "stop",
            "message": {"role": "assistant", "content": answer.to_string(), "refusal": null}}]
    })
}

fn command(args: &[&str], data: &std::path::Path) -> Command {
    let mut c = common::copy_that_command(args);
    c.envs(VENDOR_KEYS).env("COPY_THAT_DATA_DIR", data);
    c
}

fn run(args: &[&str], data: &std::path::Path) -> std::process::Output {
    command(args, data)
        .env("OPENAI_COMPATIBLE_API_KEY", SENTINEL)
        .output()
        .expect("run copy-that")
}

#[tokio::test(flavor = "multi_thread")]
async fn hybrid_extraction_snaps_ai_values_caches_replies_and_never_leaks_the_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header(
            "authorization",
            format!("Bearer {SENTINEL}").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(reply()))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let shot = common::screenshot(dir.path(), "shot.png");
    let shot = shot.to_str().expect("utf-8");
    let uri = format!("{}/v1", server.uri());
    let args = [
        "extract",
        shot,
        "--provider",
        "hybrid",
        "--hybrid-with",
        "openai-compatible",
        "--model",
        "llava-test",
        "--base-url",
        &uri,
        "--project",
        "P",
        "--json",
    ];
    let first = run(&args, &data);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let lib: Value = serde_json::from_slice(&first.stdout).expect("json");
    let tokens = lib["tokens"].as_array().expect("tokens");
    let t24 = tokens
        .iter()
        .find(|t| t["value_px"] == 24.0)
        .expect("23 snapped to the measured 24");
    assert_eq!(t24["design_intent"], "breathing room");
    assert_eq!(t24["spacing_type"], "padding");
    assert!(tokens
        .iter()
        .any(|t| t["value_px"] == 16.0 && t["design_intent"] == "tight grouping"));
    let unmeasured = tokens
        .iter()
        .find(|t| t["value_px"] == 90.0)
        .expect("kept, marked");
    assert_eq!(unmeasured["context"], "page margin (not measured)");

    // The same image again is answered from the project's cache: one request in all.
    let second = run(&args, &data);
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(server.received_requests().await.expect("recorded").len(), 1);

    let out = dir.path().join("out");
    let export = run(
        &[
            "export",
            "--project",
            "P",
            "--provenance",
            "-o",
            out.to_str().expect("utf-8"),
        ],
        &data,
    );
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );

    // The sentinel key is nowhere: not in any output or log, the database, its WAL, or an export.
    for o in [&first, &second, &export] {
        assert!(!String::from_utf8_lossy(&o.stdout).contains("SENTINEL"));
        assert!(!String::from_utf8_lossy(&o.stderr).contains("SENTINEL"));
    }
    for dir in [&data, &out] {
        for entry in std::fs::read_dir(dir).expect("ls") {
            let p = entry.expect("entry").path();
            let bytes = std::fs::read(&p).expect("read");
            assert!(
                !bytes
                    .windows(SENTINEL.len())
                    .any(|w| w == SENTINEL.as_bytes()),
                "key found in {}",
                p.display()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ai_failure_is_reported_per_image_and_hybrid_keeps_the_local_values() {
    let (_server, uri) = common::ai_server(ResponseTemplate::new(401).set_body_json(json!({"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}}))).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let shot = common::screenshot(dir.path(), "shot.png");
    let o = run(
        &[
            "extract",
            shot.to_str().expect("utf-8"),
            "--provider",
            "hybrid",
            "--hybrid-with",
            "openai-compatible",
            "--base-url",
            &uri,
            "--json",
        ],
        &dir.path().join("d"),
    );
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("openai-compatible rejected the API key (HTTP 401)"));
    let lib: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(lib["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .any(|t| t["value_px"] == 24.0));
    let ai_only = run(
        &[
            "extract",
            shot.to_str().expect("utf-8"),
            "--provider",
            "openai-compatible",
            "--base-url",
            &uri,
        ],
        &dir.path().join("d"),
    );
    assert!(!ai_only.status.success());
    assert!(String::from_utf8_lossy(&ai_only.stderr).contains("no image could be measured"));
}

#[test]
fn a_missing_key_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let shot = common::screenshot(dir.path(), "shot.png");
    let o = common::copy_that_command(&[
        "extract",
        shot.to_str().expect("utf-8"),
        "--provider",
        "openai",
    ])
    .env_remove("OPENAI_API_KEY")
    .output()
    .expect("run");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("the openai engine could not be set up")
            && err.contains("system keyring is not available"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn openai_api_key_is_not_sent_to_an_openai_compatible_server() {
    let (server, uri) = common::ai_server(ResponseTemplate::new(200).set_body_json(reply())).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let shot = common::screenshot(dir.path(), "shot.png");
    let o = command(
        &[
            "extract",
            shot.to_str().expect("utf-8"),
            "--provider",
            "openai-compatible",
            "--base-url",
            &uri,
        ],
        &dir.path().join("d"),
    )
    .env_remove("OPENAI_COMPATIBLE_API_KEY")
    .output()
    .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 1);
    let headers = format!("{:?}", requests[0].headers);
    assert!(
        !headers.to_lowercase().contains("authorization"),
        "{headers}"
    );
    assert!(!headers.contains("VENDOR"), "{headers}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_vendor_base_url_off_the_official_host_is_refused_before_anything_is_sent() {
    let server = MockServer::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let shot = common::screenshot(dir.path(), "shot.png");
    for (provider, host) in [
        ("claude", "https://api.anthropic.com"),
        ("openai", "https://api.openai.com"),
    ] {
        let o = run(
            &[
                "extract",
                shot.to_str().expect("utf-8"),
                "--provider",
                provider,
                "--base-url",
                &server.uri(),
            ],
            &dir.path().join("d"),
        );
        assert!(!o.status.success());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("may only be sent to {host}")),
            "{err}"
        );
    }
    assert!(server
        .received_requests()
        .await
        .expect("recorded")
        .is_empty());
}
