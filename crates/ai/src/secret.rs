//! API keys: held in a type that never prints, and kept in the OS keyring.

use std::fmt;

use crate::error::AiError;

/// The app's identifier: the keyring service every key is stored under.
pub const KEYRING_SERVICE: &str = "app.copythat.desktop";

/// An API key. Debug and Display print a mask, so a key cannot leak into logs by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    /// The key itself, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `text` with every echo of the key masked, however a server returns it: in any case, and
    /// cut short (any run of at least [`MASK_MIN_PREFIX`] of its leading characters, or the
    /// whole key when it is shorter than that).
    pub fn redact(&self, text: &str) -> String {
        let key: Vec<char> = self.0.chars().collect();
        if key.is_empty() {
            return text.to_string();
        }
        let min = key.len().min(MASK_MIN_PREFIX);
        let text: Vec<char> = text.chars().collect();
        let same = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < text.len() {
            let n = text[i..]
                .iter()
                .zip(&key)
                .take_while(|(a, b)| same(**a, **b))
                .count();
            if n >= min {
                out.push_str(MASK);
                i += n;
            } else {
                out.push(text[i]);
                i += 1;
            }
        }
        out
    }
}

/// What a key is replaced with wherever it would be shown.
pub const MASK: &str = "••••";
/// The shortest leading part of a key that is masked on its own: a server may cut a key it echoes.
pub const MASK_MIN_PREFIX: usize = 8;

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKey({MASK})")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

fn entry(provider: &str) -> Result<keyring::Entry, AiError> {
    keyring::Entry::new(KEYRING_SERVICE, provider).map_err(keyring_error)
}

/// The keyring's error in a designer's words: a locked keyring's own messages read as a failure
/// of ours.
fn keyring_error(e: keyring::Error) -> AiError {
    let text = e.to_string();
    // Secret Service says it as "prompt dismissed" (an unlock was asked for and not given) or
    // "IsLocked: Cannot get secret of a locked object" (a locked item was read).
    if text.contains("prompt dismissed") || text.to_lowercase().contains("locked") {
        AiError::Keyring(format!(
            "it is locked and was not unlocked ({text}); unlock your login keyring and try again"
        ))
    } else {
        AiError::Keyring(text)
    }
}

/// The key stored for a provider, if any. A missing or locked keyring is an error, never a
/// fallback to somewhere less safe.
pub fn load_key(provider: &str) -> Result<Option<ApiKey>, AiError> {
    match entry(provider)?.get_password() {
        Ok(k) => Ok(Some(ApiKey(k))),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(keyring_error(e)),
    }
}

pub fn store_key(provider: &str, key: &ApiKey) -> Result<(), AiError> {
    entry(provider)?
        .set_password(key.expose())
        .map_err(keyring_error)
}

pub fn delete_key(provider: &str) -> Result<(), AiError> {
    match entry(provider)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(keyring_error(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways_secret_service_says_locked_are_said_as_locked() {
        for said in [
            "SS error: prompt dismissed",
            "zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object",
        ] {
            let e = keyring_error(keyring::Error::PlatformFailure(said.into()));
            let text = e.to_string();
            assert!(text.contains("it is locked") && text.contains("unlock your login keyring"), "{text}");
        }
        let other = keyring_error(keyring::Error::PlatformFailure("no such bus".into()));
        assert!(!other.to_string().contains("locked"), "{other}");
    }

    #[test]
    fn a_key_echoed_upper_cased_or_cut_short_is_masked() {
        let key = ApiKey::new("sk-ant-Secret-0123456789");
        let shown = key.redact("got SK-ANT-SECRET-0123456789 and sk-ant-secret-0123456789!");
        assert_eq!(shown, "got •••• and ••••!");
        // Cut by a length limit: any leading part of 8 characters or more.
        assert_eq!(key.redact("key=sk-ant-S"), "key=••••");
        assert_eq!(key.redact("key=sk-ant-Se…"), "key=••••…");
        assert_eq!(key.redact("sk-ant- is a prefix"), "sk-ant- is a prefix");
        assert_eq!(ApiKey::new("abc").redact("xABCx abx"), "x••••x abx");
        assert_eq!(ApiKey::new("").redact("text"), "text");
    }
}
