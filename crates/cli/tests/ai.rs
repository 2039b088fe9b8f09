//! `extract --provider` against a local server speaking the Anthropic wire format, and a sentinel
//! key that must never reach the output, the logs, the database or an export.

use std::process::Command;

use serde_json::{json, Value};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

mod common;

const SENTINEL: &str = "sk-ant-SENTINEL-7f3a";

fn reply() -> Value {
    json!({
        "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-test",
        "stop_reason": "tool_use",
        "content": [{"type": "tool_use", "id": "t1", "name": "record_spacing", "input": {"spacing": [
            {"value": 23, "type": "padding", "context": "card padding", "design_intent": "breathing room"},
            {"value": 16.5, "type": "gap", "context": "button group", "design_intent": "tight grouping"},
            {"value": 90, "type": "margin", "context": "page margin", "design_intent": "frame"}
        ]}}]
    })
}

fn run(args: &[&str], data: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_copy-that"))
        .args(args)
        .env("ANTHROPIC_API_KEY", SENTINEL)
        .env("COPY_THAT_DATA_DIR", data)
        .output()
        .expect("run copy-that")
}

#[tokio::test(flavor = "multi_thread")]
async fn hybrid_extraction_snaps_ai_values_caches_replies_and_never_leaks_the_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/messages"))
        .and(header("x-api-key", SENTINEL))
        .respond_with(ResponseTemplate::new(200).set_body_json(reply()))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let shot = common::screenshot(dir.path(), "shot.png");
    let shot = shot.to_str().expect("utf-8");
    let uri = server.uri();
    let args = [
        "extract",
        shot,
        "--provider",
        "hybrid",
        "--model",
        "claude-test",
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
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}})))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let shot = common::screenshot(dir.path(), "shot.png");
    let uri = server.uri();
    let o = run(
        &[
            "extract",
            shot.to_str().expect("utf-8"),
            "--provider",
            "hybrid",
            "--base-url",
            &uri,
            "--json",
        ],
        &dir.path().join("d"),
    );
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("claude rejected the API key (HTTP 401)"));
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
            "claude",
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
    let o = Command::new(env!("CARGO_BIN_EXE_copy-that"))
        .args([
            "extract",
            shot.to_str().expect("utf-8"),
            "--provider",
            "openai",
        ])
        .env_remove("OPENAI_API_KEY")
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .output()
        .expect("run");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("reading the openai key") && err.contains("system keyring is not available"),
        "{err}"
    );
}
