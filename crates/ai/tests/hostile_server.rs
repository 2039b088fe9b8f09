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
