//! `--provider`: the AI client `extract` hands the pipeline, built from the command line's flags
//! and the provider's own key (through the same rule as the app's settings).

use anyhow::{Context, Result};
use copy_that_ai::{AiClient, EngineKind, Provider};
use copy_that_pipeline::engine::{client_config, provider_of};

/// The client for `kind`, or `None` for the local engine. Checked before any image is read.
pub fn client(
    kind: EngineKind,
    hybrid_with: Provider,
    model: Option<String>,
    base_url: Option<String>,
) -> Result<Option<AiClient>> {
    let Some(provider) = provider_of(kind, hybrid_with) else {
        return Ok(None);
    };
    let cfg = client_config(provider, model.as_deref(), base_url.as_deref())
        .with_context(|| format!("the {} engine could not be set up", provider.name()))?;
    Ok(Some(AiClient::new(cfg)?))
}
