//! Any reply body an AI server could send, read as each provider's reply, and any `retry-after`
//! header: never a panic; every value kept is bounded and its text clean.
#![no_main]

use copy_that_ai::client::read_reply_body;
use copy_that_ai::retry::parse_retry_after;
use copy_that_ai::Provider;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // A server chooses the header as freely as the body (`1e20` once panicked the worker).
    let _ = parse_retry_after(text.lines().next().unwrap_or(""));
    for provider in [Provider::Claude, Provider::Openai] {
        match read_reply_body(provider, text) {
            Ok(values) => {
                assert!(!values.is_empty());
                for v in values {
                    assert!(v.px.is_finite() && v.px > 0.0 && v.px <= 2000.0, "{}", v.px);
                    for s in [&v.context, &v.design_intent] {
                        assert!(s.chars().count() <= 80, "{s:?}");
                        assert!(!s.chars().any(char::is_control), "{s:?}");
                        assert!(!s.contains(['<', '>', '{', '}', '$', '`']), "{s:?}");
                        assert_eq!(s.trim(), s);
                    }
                }
            }
            // Every error renders as text the CLI and the app can show.
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
});
