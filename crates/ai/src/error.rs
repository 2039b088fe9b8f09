use thiserror::Error;

/// Why an AI extraction did not yield measurements, per image, in words a designer can act on.
#[derive(Debug, Error)]
pub enum AiError {
    #[error(
        "no API key for {0}: add one in Settings (it is kept in the system keyring) or set {1}"
    )]
    MissingKey(&'static str, &'static str),
    #[error("refused base URL for {0}")]
    BaseUrl(String),
    #[error(
        "{provider} answered with a redirect (HTTP {status}); redirects are not followed, so the \
         key never travels to another address: check the base URL"
    )]
    Redirected { provider: &'static str, status: u16 },
    #[error("the system keyring is not available: {0}")]
    Keyring(String),
    #[error("{provider} rejected the API key (HTTP {status}); check it in Settings")]
    Unauthorized { provider: &'static str, status: u16 },
    #[error("{provider} says the account is out of credit or over its spending limit: {message}")]
    SpendLimit {
        provider: &'static str,
        message: String,
    },
    #[error("{provider} refused the request (HTTP {status}): {message}")]
    BadRequest {
        provider: &'static str,
        status: u16,
        message: String,
    },
    #[error("{provider} is unavailable (HTTP {status}) after {attempts} attempts")]
    Unavailable {
        provider: &'static str,
        status: u16,
        attempts: u32,
    },
    #[error("could not reach {provider}: {message}")]
    Network {
        provider: &'static str,
        message: String,
    },
    #[error("{provider} did not answer within {seconds} s")]
    Timeout {
        provider: &'static str,
        seconds: u64,
    },
    #[error(
        "{provider}'s reply is larger than {max_mb} MB, far more than a list of spacing values, \
         so it was not read: check the base URL points at the model's API"
    )]
    ReplyTooLarge {
        provider: &'static str,
        max_mb: usize,
    },
    #[error("the model declined to analyse this image: {0}")]
    Refused(String),
    #[error("the model's reply was cut off before it finished")]
    Truncated,
    #[error("the model's reply is not the expected JSON: {0}")]
    Malformed(String),
    #[error("the model's reply holds no usable spacing values ({0})")]
    Invalid(String),
    #[error("cancelled")]
    Cancelled,
    #[error("could not prepare the image: {0}")]
    Image(String),
}
