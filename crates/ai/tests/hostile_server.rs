//! The clients against a server that misbehaves: absurd headers, echoed keys, redirects.

mod common;

use std::time::{Duration, Instant};

use common::*;
use copy_that_ai::{AiError, ClientConfig, Provider, RetryPolicy};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn a_retry_after_of_1e20_is_clamped_not_a_panic() {
    for header_value in ["1e20", "-5", "NaN", "inf", "99999999999999999999999"] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(429).insert_header("retry-after", header_value))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(claude_reply(answer(), "tool_use")),
            )
            .mount(&server)
            .await;
        let cfg = ClientConfig {
            retry: RetryPolicy {
                max_attempts: 2,
                base_delay: Duration::from_millis(5),
                max_delay: Duration::from_millis(50),
            },
            ..config(Provider::Claude, &server)
        };
        let started = Instant::now();
        let values = run(cfg).await.expect("values after a clamped wait");
        assert_eq!(values.len(), 2, "{header_value}");
        assert!(started.elapsed() < Duration::from_secs(5), "{header_value}");
    }
}

#[tokio::test]
async fn a_307_redirect_does_not_carry_the_key_to_another_host() {
    for provider in [Provider::Claude, Provider::Openai] {
        let elsewhere = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200))
            .mount(&elsewhere)
            .await;
        let server = MockServer::start().await;
        for status in [307, 308] {
            Mock::given(method("POST"))
                .respond_with(
                    ResponseTemplate::new(status)
                        .insert_header("location", format!("{}/steal", elsewhere.uri())),
                )
                .up_to_n_times(1)
                .mount(&server)
                .await;
            let e = run(config(provider, &server)).await.expect_err("redirect");
            assert!(
                matches!(e, AiError::Redirected { status: s, .. } if s == status),
                "{e}"
            );
            assert!(e.to_string().contains("check the base URL"), "{e}");
        }
        assert_eq!(
            elsewhere.received_requests().await.expect("recorded").len(),
            0,
            "{provider:?} followed a redirect"
        );
    }
}

#[tokio::test]
async fn a_key_echoed_upper_cased_or_cut_at_the_300_char_limit_is_masked() {
    let key = "sk-test-123";
    let padding = "x".repeat(290);
    for echoed in [
        format!("bad key {}", key.to_uppercase()),
        format!("{padding}{key}"),
        format!(
            "\u{1b}[2J\u{1b}]0;pwned\u{7}{padding}{}",
            key.to_uppercase()
        ),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(400)
                    .set_body_json(serde_json::json!({"error": {"message": echoed}})),
            )
            .mount(&server)
            .await;
        let e = run(config(Provider::Openai, &server))
            .await
            .expect_err("400");
        let shown = format!("{e} {e:?}").to_lowercase();
        assert!(!shown.contains("sk-test-"), "{shown}");
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown}"
        );
    }
}

/// A server answering every request with 200 and a body of `total` bytes, with or without a
/// content-length, written in 64 KB chunks until the client hangs up. Reports the bytes it got out.
fn endless_reply_server(
    total: u64,
    state_length: bool,
) -> (String, std::sync::mpsc::Receiver<u64>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let uri = format!("http://{}", listener.local_addr().expect("addr"));
    let (sent_tx, sent_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let Ok((mut socket, _)) = listener.accept() else {
            return;
        };
        // Read the request: headers, then the body its content-length states.
        let mut request = Vec::new();
        let mut buf = [0u8; 16 * 1024];
        let body_end = loop {
            let Ok(n) = socket.read(&mut buf) else { return };
            if n == 0 {
                return;
            }
            request.extend_from_slice(&buf[..n]);
            if let Some(head) = request.windows(4).position(|w| w == b"\r\n\r\n") {
                let headers = String::from_utf8_lossy(&request[..head]).to_lowercase();
                let length: usize = headers
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                break head + 4 + length;
            }
        };
        while request.len() < body_end {
            let Ok(n) = socket.read(&mut buf) else { return };
            if n == 0 {
                return;
            }
            request.extend_from_slice(&buf[..n]);
        }
        let head = if state_length {
            format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {total}\r\n\r\n")
        } else {
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
                .to_string()
        };
        let mut sent = 0u64;
        let chunk = vec![b' '; 64 * 1024];
        let mut ok = socket.write_all(head.as_bytes()).is_ok();
        while ok && sent < total {
            ok = if state_length {
                socket.write_all(&chunk).is_ok()
            } else {
                socket.write_all(b"10000\r\n").is_ok()
                    && socket.write_all(&chunk).is_ok()
                    && socket.write_all(b"\r\n").is_ok()
            };
            sent += chunk.len() as u64;
        }
        if ok && !state_length {
            let _ = socket.write_all(b"0\r\n\r\n");
        }
        let _ = sent_tx.send(sent);
    });
    (uri, sent_rx)
}

#[tokio::test]
async fn a_300_mb_reply_is_refused_while_streaming_not_buffered() {
    const TOTAL: u64 = 300 * 1024 * 1024;
    for (provider, state_length) in [
        (Provider::Claude, false),
        (Provider::Openai, false),
        (Provider::Claude, true),
    ] {
        let (uri, sent) = endless_reply_server(TOTAL, state_length);
        let cfg = ClientConfig {
            base_url: match provider {
                Provider::Claude => uri,
                _ => format!("{uri}/v1"),
            },
            ..config(provider, &MockServer::start().await)
        };
        let e = run(cfg).await.expect_err("an endless reply");
        assert!(matches!(e, AiError::ReplyTooLarge { max_mb: 8, .. }), "{e}");
        assert!(
            e.to_string().contains("larger than 8 MB"),
            "{provider:?}: {e}"
        );
        // The server stops once the client hangs up: far short of the 300 MB it had to send.
        let sent = tokio::task::spawn_blocking(move || sent.recv_timeout(Duration::from_secs(60)))
            .await
            .expect("join")
            .expect("the server stopped writing");
        assert!(
            sent < 64 * 1024 * 1024,
            "{provider:?} (length stated: {state_length}): the client read {} MB",
            sent >> 20
        );
    }
}

/// A server that reads each request and then either never answers (`trickle` = None) or sends a
/// 200 head and then one byte of body every `trickle`, forever. Serves every connection.
fn stalling_server(trickle: Option<Duration>) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let uri = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for socket in listener.incoming() {
            let Ok(mut socket) = socket else { return };
            std::thread::spawn(move || {
                let mut buf = [0u8; 64 * 1024];
                // Whatever the request holds; the answer does not depend on it.
                let _ = socket.read(&mut buf);
                let Some(every) = trickle else {
                    // Hold the connection open without a word until the client hangs up.
                    while matches!(socket.read(&mut buf), Ok(n) if n > 0) {}
                    return;
                };
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{";
                if socket.write_all(head.as_bytes()).is_err() {
                    return;
                }
                while socket.write_all(b" ").is_ok() {
                    std::thread::sleep(every);
                }
            });
        }
    });
    uri
}

#[tokio::test]
async fn a_hanging_or_trickling_server_is_a_timeout_not_a_hang() {
    for (what, trickle) in [
        ("hanging", None),
        ("trickling", Some(Duration::from_millis(200))),
    ] {
        for provider in [Provider::Claude, Provider::Openai] {
            let uri = stalling_server(trickle);
            let cfg = ClientConfig {
                base_url: match provider {
                    Provider::Claude => uri,
                    _ => format!("{uri}/v1"),
                },
                timeout: Duration::from_secs(2),
                ..config(provider, &MockServer::start().await)
            };
            let started = Instant::now();
            let e = tokio::time::timeout(Duration::from_secs(60), run(cfg))
                .await
                .unwrap_or_else(|_| panic!("{what} {provider:?}: still waiting after 60 s"))
                .expect_err("no reply");
            assert!(
                matches!(e, AiError::Timeout { .. }),
                "{what} {provider:?}: {e}"
            );
            assert!(
                e.to_string().contains("2 s") || e.to_string().contains("2 seconds"),
                "{e}"
            );
            // The 2 s deadline holds for each attempt, however slowly bytes arrive.
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "{what}: {:?}",
                started.elapsed()
            );
        }
    }
}
