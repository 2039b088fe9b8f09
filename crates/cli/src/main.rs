//! `copy-that`: the headless face of Copy That, for designers' CI pipelines and benchmarks.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use copy_that_spacing::{aggregate, AggregateOptions, Measurement, SpacingLibrary};

mod ai;
mod export;
mod extract;
mod progress;
mod projects;
mod table;
mod term;

/// Turn UI screenshots into spacing design tokens.
///
/// Measures padding, margins and gaps, infers the base unit and scale, names every value and
/// exports token files. Everything runs locally.
#[derive(Parser)]
#[command(
    name = "copy-that",
    version,
    about,
    long_about,
    propagate_version = true
)]
struct Cli {
    /// Folder holding the project database (default: $COPY_THAT_DATA_DIR, else the app's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Measure the spacing in screenshots (PNG, JPEG, WebP) and print the token library.
    ///
    /// Values are in CSS px: the pixel density is detected (or set with --dpr). Several images are
    /// measured in parallel and merged into one library.
    Extract {
        /// The screenshots to measure.
        #[arg(required = true)]
        images: Vec<PathBuf>,
        /// Image pixels per CSS pixel: auto, or a density from 1 to 3.5 (2, 3, Android's 2.625).
        #[arg(long, default_value = "auto")]
        dpr: copy_that_measure::Dpr,
        /// Values closer than this fraction merge into one token [default: 0.1]. With --project it
        /// becomes the project's merge threshold (kept for later rebuilds, in the app too); without
        /// it a project keeps its own.
        #[arg(long)]
        threshold: Option<f64>,
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
        /// Save the images and their measurements in this project (created if needed) and print
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
    },
    /// Write token files: DTCG, Style Dictionary, CSS, SCSS, TypeScript, Tailwind, Figma, Android,
    /// iOS, Flutter.
    Export(export::ExportArgs),
    /// Read a DTCG design tokens file into a library (2025.10 objects or "16px" strings).
    Import {
        /// The tokens file.
        file: PathBuf,
        /// Root font size in px, for rem values.
        #[arg(long, default_value_t = 16.0)]
        root_px: f64,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the saved projects.
    Projects {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print a saved project's library, from the database alone (no images needed).
    Show {
        /// The project's name.
        name: String,
        /// Print JSON (the same shape as `extract --json`).
        #[arg(long)]
        json: bool,
    },
    /// Merge measurements (grouped by image) into one token library.
    ///
    /// BATCH.json holds one list per image: [[{"value_px": 16, "confidence": 0.9,
    /// "spacing_type": "padding"}, ...], ...]. Use `-` to read standard input.
    Aggregate {
        /// The measurements file, or `-` for standard input.
        batch: PathBuf,
        /// Values closer than this fraction merge into one token.
        #[arg(long, default_value_t = 0.1)]
        threshold: f64,
        /// Hide tokens measured fewer times than this.
        #[arg(long, default_value_t = 1)]
        min_support: u32,
        /// Root font size in px, for rem values.
        #[arg(long, default_value_t = 16.0)]
        root_px: f64,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("copy-that: {}", term::safe(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let data_dir = cli
        .data_dir
        .unwrap_or_else(copy_that_store::default_data_dir);
    match cli.command {
        Command::Extract {
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
        } => {
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
            let extracted = extract::extract(&data_dir, request)?;
            if measurements {
                println!("{}", serde_json::to_string_pretty(&extracted.extractions)?);
                return Ok(());
            }
            let (library, images) = (extracted.library, extracted.images);
            if json {
                let mut value = serde_json::to_value(&library)?;
                if let Some(obj) = value.as_object_mut() {
                    obj.insert("images".into(), serde_json::to_value(&images)?);
                }
                println!("{}", serde_json::to_string_pretty(&value)?);
                return Ok(());
            }
            if explain {
                for e in &images {
                    print!("{}", extract::explain_text(e));
                }
                println!();
            }
            print_library(&library, false)
        }
        Command::Projects { json } => projects::list(&data_dir, json),
        Command::Export(args) => export::run(&data_dir, &args),
        Command::Import {
            file,
            root_px,
            json,
        } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let library =
                copy_that_export::import_dtcg(&text, &file.display().to_string(), root_px)?;
            print_library(&library, json)
        }
        Command::Show { name, json } => {
            let library = projects::show(&data_dir, &name)?;
            print_library(&library, json)
        }
        Command::Aggregate {
            batch,
            threshold,
            min_support,
            root_px,
            json,
        } => {
            let text = if batch.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin()).context("reading standard input")?
            } else {
                std::fs::read_to_string(&batch)
                    .with_context(|| format!("reading {}", batch.display()))?
            };
            let images: Vec<Vec<Measurement>> = serde_json::from_str(&text).with_context(|| {
                format!(
                    "{} is not a list of per-image measurement lists",
                    batch.display()
                )
            })?;
            let options = AggregateOptions {
                threshold,
                min_support,
                root_px,
                provider: "aggregate".into(),
                ..AggregateOptions::default()
            };
            let library = aggregate(&images, &options)?;
            print_library(&library, json)
        }
    }
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

fn print_library(library: &SpacingLibrary, json: bool) -> Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(library)?);
    } else {
        print!("{}", table::render(library));
    }
    Ok(())
}
