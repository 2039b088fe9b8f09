//! Where a provider's requests may go: the one rule the CLI's `--base-url` and the app's settings
//! both pass through, so a key can only reach the host it was issued for.
//!
//! - Claude and OpenAI: `https` on the vendor's official host only (their keys come from the
//!   vendor's environment variable or keyring entry, and must never be sent elsewhere).
//! - OpenAI-compatible: `https` anywhere, or plain `http` on a loopback host (`localhost`,
//!   `127.0.0.1` and the rest of 127/8, `::1`) for a local server. Its key, if any, is its own
//!   (`OPENAI_COMPATIBLE_API_KEY` or its keyring entry), never OpenAI's.
//!
//! Credentials in the URL, queries and fragments are refused everywhere.

use std::fmt;

use reqwest::Url;

use crate::error::AiError;
use crate::provider::Provider;

/// A base URL checked against its provider's rule. The only way to build one is [`BaseUrl::parse`]
/// or [`BaseUrl::default_for`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    provider: Provider,
    url: String,
}

/// The vendor's official API host, for providers whose keys belong to a vendor.
pub fn official_host(provider: Provider) -> Option<&'static str> {
    match provider {
        Provider::Claude => Some("api.anthropic.com"),
        Provider::Openai => Some("api.openai.com"),
        Provider::OpenaiCompatible => None,
    }
}

fn is_loopback(url: &Url) -> bool {
    url.host_str().is_some_and(|h| {
        h.eq_ignore_ascii_case("localhost")
            || h.trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    })
}

impl BaseUrl {
    /// The provider's default endpoint.
    pub fn default_for(provider: Provider) -> BaseUrl {
        BaseUrl {
            provider,
            url: provider.default_base_url().to_string(),
        }
    }

    /// Checks `text` against the provider's rule; the error names the rule broken.
    pub fn parse(provider: Provider, text: &str) -> Result<BaseUrl, AiError> {
        let name = provider.name();
        let bad = |why: String| AiError::BaseUrl(format!("{name}: {why}"));
        let text = text.trim();
        if text.len() > 2000 || text.chars().any(char::is_control) {
            return Err(bad("the base URL must be one line of plain text".into()));
        }
        let url = Url::parse(text).map_err(|e| {
            bad(format!(
                "the base URL is not a URL ({e}): use https://host/path"
            ))
        })?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad(
                "the base URL must not hold a user name or password".into()
            ));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(bad(
                "the base URL must not hold a query or a fragment".into()
            ));
        }
        match official_host(provider) {
            Some(host) => {
                let official = url.scheme() == "https"
                    && url.host_str().is_some_and(|h| h.eq_ignore_ascii_case(host))
                    && url.port().is_none();
                if !official {
                    return Err(bad(format!(
                        "its key may only be sent to https://{host}; for another server choose \
                         the OpenAI-compatible engine"
                    )));
                }
            }
            None => {
                match url.scheme() {
                    "https" => {}
                    "http" if is_loopback(&url) => {}
                    "http" => return Err(bad(
                        "plain http:// is only allowed for a server on this computer (localhost, \
                         127.0.0.1, ::1); use https:// for any other"
                            .into(),
                    )),
                    other => return Err(bad(format!("{other}:// is not http:// or https://"))),
                }
            }
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(bad("the base URL has no host".into()));
        }
        Ok(BaseUrl {
            provider,
            url: url.as_str().trim_end_matches('/').to_string(),
        })
    }

    /// The given URL when there is one (blank means the default), checked.
    pub fn parse_or_default(provider: Provider, text: Option<&str>) -> Result<BaseUrl, AiError> {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => BaseUrl::parse(provider, t),
            None => Ok(BaseUrl::default_for(provider)),
        }
    }

    pub fn provider(&self) -> Provider {
        self.provider
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(p: Provider, u: &str) -> bool {
        BaseUrl::parse(p, u).is_ok()
    }

    #[test]
    fn vendor_keys_only_go_to_the_vendors_official_https_host() {
        use Provider::*;
        assert!(ok(Claude, "https://api.anthropic.com"));
        assert!(ok(Claude, "https://API.anthropic.com/"));
        assert!(ok(Openai, "https://api.openai.com/v1"));
        for evil in [
            "http://api.anthropic.com",
            "https://api.anthropic.com.evil.example",
            "https://evil.example/api.anthropic.com",
            "https://api.anthropic.com:8443",
            "https://user:pw@api.anthropic.com",
            "https://api.anthropic.com/?x=1",
            "http://localhost:11434",
            "file:///etc/passwd",
            "api.anthropic.com",
        ] {
            assert!(!ok(Claude, evil), "{evil}");
        }
        assert!(!ok(Openai, "https://api.anthropic.com/v1"));
        assert!(!ok(Openai, "http://api.openai.com/v1"));
        let e = BaseUrl::parse(Claude, "https://evil.example").unwrap_err();
        assert!(e.to_string().contains("https://api.anthropic.com"), "{e}");
    }

    #[test]
    fn openai_compatible_takes_http_only_on_loopback() {
        use Provider::OpenaiCompatible as C;
        for good in [
            "http://localhost:11434/v1",
            "http://LOCALHOST:8080/v1",
            "http://127.0.0.1:1234/v1",
            "http://[::1]:8080/v1",
            "https://llm.example.com/v1",
        ] {
            assert!(ok(C, good), "{good}");
        }
        for bad in [
            "http://llm.example.com/v1",
            "http://192.168.1.10:11434/v1",
            "http://localhost.evil.example/v1",
            "http://0.0.0.0:11434/v1",
            "ftp://localhost/v1",
            "https://u:p@llm.example.com/v1",
            "https://llm.example.com/\nv1",
            "not a url",
        ] {
            assert!(!ok(C, bad), "{bad}");
        }
        assert_eq!(
            BaseUrl::parse(C, " http://localhost:11434/v1/ ")
                .expect("ok")
                .as_str(),
            "http://localhost:11434/v1"
        );
        assert_eq!(
            BaseUrl::parse_or_default(C, Some("  ")).expect("default"),
            BaseUrl::default_for(C)
        );
    }
}
