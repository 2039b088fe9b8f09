//! `copy-that`: the headless face of Copy That, for designers' CI pipelines and benchmarks.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use copy_that_spacing::{RootPx, SpacingLibrary};

/// `println!` that hands back the write's error instead of panicking: a reader that stops early
/// (`copy-that extract --explain shot.png | head`) closes the pipe, and that is no crash.
macro_rules! outln {
    () => {{
        use std::io::Write;
        writeln!(std::io::stdout().lock())
    }};
    ($($arg:tt)*) => {{
        use std::io::Write;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// `print!` as [`outln`] is `println!`.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod aggregate;
mod ai;
mod export;
mod extract;
mod extract_cmd;
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
    Extract(extract_cmd::ExtractArgs),
    /// Write token files: DTCG, Style Dictionary, CSS, SCSS, TypeScript, Tailwind, Figma, Android,
    /// iOS, Flutter.
    Export(export::ExportArgs),
    /// Read a DTCG design tokens file into a library (2025.10 objects or "16px" strings).
    Import {
        /// The tokens file.
        file: PathBuf,
        /// Root font size in px, for rem values.
        #[arg(long, default_value_t = RootPx::DEFAULT)]
        root_px: RootPx,
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
    /// List a saved project's values that did not make a clean scale: tokens off the base unit's
    /// grid or used once or twice (with the step each would snap to), and values the images'
    /// selection left out, each with the images it was measured in.
    Audit {
        /// The project's name.
        name: String,
        /// Print JSON (the app's audit view reads the same report).
        #[arg(long)]
        json: bool,
    },
    /// Merge measurements (grouped by image) into one token library.
    ///
    /// BATCH.json holds one list per image: [[{"value_px": 16, "confidence": 0.9,
    /// "spacing_type": "padding"}, ...], ...]. Use `-` to read standard input. With --json each
    /// token's occurrences are summarised per image unless `--occurrences all` is given.
    Aggregate(aggregate::AggregateArgs),
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output went away (`| head`): nothing is wrong, and nothing to say.
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("copy-that: {}", term::safe(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<()> {
    let data_dir = cli
        .data_dir
        .unwrap_or_else(copy_that_store::default_data_dir);
    // A damaged database set aside by an earlier command: the next one to open the store starts a
    // new, empty database, never silently.
    if let Some(moved_to) =
        copy_that_store::set_aside_pending(&data_dir.join(copy_that_store::DB_FILE))
    {
        eprintln!(
            "copy-that: note: the damaged project database was set aside as {}; saved projects \
             start again from a new, empty database",
            term::safe(&moved_to.display().to_string())
        );
    }
    match cli.command {
        Command::Extract(args) => extract_cmd::run(&data_dir, args),
        Command::Projects { json } => projects::list(&data_dir, json),
        Command::Export(args) => export::run(&data_dir, &args),
        Command::Import {
            file,
            root_px,
            json,
        } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let imported =
                copy_that_export::import_dtcg(&text, &file.display().to_string(), root_px)?;
            term::warn_skipped(&imported);
            print_library(&imported.library, json)
        }
        Command::Show { name, json } => {
            let library = projects::show(&data_dir, &name)?;
            print_library(&library, json)
        }
        Command::Audit { name, json } => projects::audit(&data_dir, &name, json),
        Command::Aggregate(args) => aggregate::run(args),
    }
}

pub(crate) fn print_library(library: &SpacingLibrary, json: bool) -> Result<()> {
    if json {
        outln!("{}", serde_json::to_string_pretty(library)?)?;
    } else {
        out!("{}", table::render(library))?;
    }
    Ok(())
}
