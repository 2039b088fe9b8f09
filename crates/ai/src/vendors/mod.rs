//! One module per wire format: how a request is written and a reply read. The transport (limits,
//! retries, cancellation) is the client's and the same for every vendor.

use reqwest::RequestBuilder;
use serde_json::Value;

use crate::error::AiError;
use crate::prep::Prepared;
use crate::provider::{ClientConfig, Provider};
use crate::reply::AiValue;

pub(crate) mod claude;
pub(crate) mod openai;

/// The request for one image in the configured provider's format.
pub(crate) fn request(
    http: &reqwest::Client,
    cfg: &ClientConfig,
    image: &Prepared,
) -> RequestBuilder {
    let base = cfg.base_url.trim_end_matches('/');
    match cfg.provider {
        Provider::Claude => claude::request(http, cfg, base, image),
        Provider::Openai | Provider::OpenaiCompatible => openai::request(http, cfg, base, image),
    }
}

/// The values in a provider's reply.
pub(crate) fn read_values(provider: Provider, reply: &Value) -> Result<Vec<AiValue>, AiError> {
    match provider {
        Provider::Claude => claude::read(reply),
        Provider::Openai | Provider::OpenaiCompatible => openai::read(reply),
    }
}
