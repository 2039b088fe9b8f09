//! Untrusted text (imported token names, server messages, file names) never reaches the terminal
//! with escape sequences or control characters in it.

use std::process::Output;

use serde_json::json;
use wiremock::ResponseTemplate;

mod common;

const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31mevil\u{202e}";

fn copy_that(args: &[&str], data: &std::path::Path) -> Output {
    common::copy_that_command(args)
        .env("COPY_THAT_DATA_DIR", data)
        .output()
        .expect("run copy-that")
}

fn assert_clean(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
        "{what}: {text:?}"
    );
}

#[test]
fn imported_token_names_with_ansi_escapes_are_printed_without_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("tokens.json");
    let tokens = json!({ HOSTILE: {"$type": "dimension", "$value": {"value": 16, "unit": "px"}} });
    std::fs::write(&file, tokens.to_string()).expect("write");
    let o = copy_that(&["import", file.to_str().expect("utf-8")], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("evil"));
    assert_clean(&o.stdout, "stdout");
    assert_clean(&o.stderr, "stderr");
}

#[test]
fn a_file_name_with_ansi_escapes_is_reported_without_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join(format!("{HOSTILE}.png"));
    std::fs::write(&bad, b"not an image").expect("write");
    let o = copy_that(&["extract", bad.to_str().expect("utf-8")], dir.path());
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("evil"));
    assert_clean(&o.stderr, "stderr");
}

#[tokio::test(flavor = "multi_thread")]
async fn server_error_text_with_ansi_escapes_is_printed_without_them() {
    let (_server, uri) = common::ai_server(
        ResponseTemplate::new(400)
            .set_body_json(json!({"error": {"message": format!("bad {HOSTILE}\nforged")}})),
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let shot = common::screenshot(dir.path(), "shot.png");
    let o = copy_that(
        &[
            "extract",
            shot.to_str().expect("utf-8"),
            "--provider",
            "openai-compatible",
            "--base-url",
            &uri,
        ],
        dir.path(),
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("refused the request (HTTP 400)"), "{err}");
    assert_clean(&o.stderr, "stderr");
}

#[test]
fn a_reader_that_stops_early_is_no_crash() {
    // Regression: `copy-that extract --explain shot.png | head` panicked ("failed printing to
    // stdout: Broken pipe") with a backtrace, as println! does when the pipe closes.
    let dir = tempfile::tempdir().expect("tempdir");
    // Enough images that the output overflows the pipe's buffer: the write must meet the closed
    // pipe, not fit in the buffer before the reader goes.
    let shots: Vec<String> = (0..20)
        .map(|i| {
            let p = common::screenshot(dir.path(), &format!("shot{i}.png"));
            p.to_str().expect("utf-8").to_owned()
        })
        .collect();
    let mut args = vec!["extract", "--measurements"];
    args.extend(shots.iter().map(String::as_str));
    let whole = copy_that(&args, dir.path());
    assert!(whole.status.success());
    assert!(
        whole.stdout.len() > 2 * 65536,
        "{} bytes fit in a pipe",
        whole.stdout.len()
    );
    let mut child = common::copy_that_command(&args)
        .env("COPY_THAT_DATA_DIR", dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run copy-that");
    let mut head = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().expect("stdout"), &mut head).expect("read");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(o.status.success(), "{:?}: {stderr}", o.status);
}
