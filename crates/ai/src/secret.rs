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
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(••••)")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("••••")
    }
}

fn entry(provider: &str) -> Result<keyring::Entry, AiError> {
    keyring::Entry::new(KEYRING_SERVICE, provider).map_err(|e| AiError::Keyring(e.to_string()))
}

/// The key stored for a provider, if any. A missing or locked keyring is an error, never a
/// fallback to somewhere less safe.
pub fn load_key(provider: &str) -> Result<Option<ApiKey>, AiError> {
    match entry(provider)?.get_password() {
        Ok(k) => Ok(Some(ApiKey(k))),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(AiError::Keyring(e.to_string())),
    }
}

pub fn store_key(provider: &str, key: &ApiKey) -> Result<(), AiError> {
    entry(provider)?
        .set_password(key.expose())
        .map_err(|e| AiError::Keyring(e.to_string()))
}

pub fn delete_key(provider: &str) -> Result<(), AiError> {
    match entry(provider)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(AiError::Keyring(e.to_string())),
    }
}
