//! `copy-that extract`'s flags, and what it prints: the library (table or JSON, with each image's
//! account under `images`), `--explain`, or `--measurements`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use crate::{ai, extract, progress};

#[derive(Args)]
pub struct ExtractArgs {
    /// The screenshots to measure.
    #[arg(required = true)]
    images: Vec<PathBuf>,
    /// Image pixels per CSS pixel: auto, or a density from 1 to 3.5 (2, 3, Android's 2.625).
    #[arg(long, default_value = "auto")]
    dpr: copy_that_measure::Dpr,
    /// Values closer than this fraction merge into one token [default: 0.1].
    ///
    /// With --project it becomes the project's merge threshold, kept for its later rebuilds (in the
    /// app too); without --threshold a project keeps its own.
    #[arg(long)]
    threshold: Option<copy_that_spacing::MergeThreshold>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Print every measured instance per image (JSON) instead of the library; nothing is saved
    /// and no AI engine is asked.
    #[arg(long)]
    measurements: bool,
    /// Say, per image, at what density it was measured and why, which values were kept and
    /// which were left out (unsure, too rare, off the grid). With --json the same account is
    /// always under `images`.
    #[arg(long)]
    explain: bool,
    /// Save the images and their measurements in this project (created if needed, with the app
    /// settings' merge threshold and root size, as the app creates one) and print
    /// the project's library.
    #[arg(long, value_name = "NAME")]
    project: Option<String>,
    /// The engine: local (default, offline), claude, openai, openai-compatible, or hybrid
    /// (local numbers, AI intent). Keys come from ANTHROPIC_API_KEY / OPENAI_API_KEY /
    /// OPENAI_COMPATIBLE_API_KEY or the system keyring, each only for its own provider.
    #[arg(long, default_value = "local")]
    provider: copy_that_ai::EngineKind,
    /// The AI provider hybrid asks.
    #[arg(long, value_enum, default_value = "claude")]
    hybrid_with: HybridWith,
    /// The model to ask (default: a current model of the provider).
    #[arg(long)]
    model: Option<String>,
    /// The OpenAI-compatible server's base URL (https://, or http:// on localhost). Claude and
    /// OpenAI accept only their official https host: their keys go nowhere else.
    #[arg(long)]
    base_url: Option<String>,
}

pub fn run(data_dir: &Path, args: ExtractArgs) -> Result<()> {
    let ExtractArgs {
        images,
        dpr,
        threshold,
        json,
        measurements,
        explain,
        project,
        provider,
        hybrid_with,
        model,
        base_url,
    } = args;
    let client = ai::client(provider, hybrid_with.into(), model, base_url)?;
    let request = extract::Request {
        images,
        dpr,
        threshold,
        // The measurements alone: nothing saved, no AI asked.
        project: project.filter(|_| !measurements),
        engine: if measurements {
            copy_that_ai::EngineKind::Local
        } else {
            provider
        },
        hybrid_with: hybrid_with.into(),
        client: client.filter(|_| !measurements),
        keep: progress::Keep {
            extractions: measurements,
            reports: json || explain,
        },
    };
    let extracted = extract::extract(data_dir, request)?;
    if measurements {
        outln!("{}", serde_json::to_string_pretty(&extracted.extractions)?)?;
        return Ok(());
    }
    let (library, images) = (extracted.library, extracted.images);
    if json {
        let mut value = serde_json::to_value(&library)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("images".into(), serde_json::to_value(&images)?);
        }
        outln!("{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    if explain {
        for e in &images {
            out!("{}", extract::explain_text(e))?;
        }
        outln!()?;
    }
    crate::print_library(&library, false)
}

/// The AI provider hybrid extraction asks.
#[derive(Clone, Copy, clap::ValueEnum)]
enum HybridWith {
    Claude,
    Openai,
    OpenaiCompatible,
}

impl From<HybridWith> for copy_that_ai::Provider {
    fn from(h: HybridWith) -> Self {
        match h {
            HybridWith::Claude => copy_that_ai::Provider::Claude,
            HybridWith::Openai => copy_that_ai::Provider::Openai,
            HybridWith::OpenaiCompatible => copy_that_ai::Provider::OpenaiCompatible,
        }
    }
}
