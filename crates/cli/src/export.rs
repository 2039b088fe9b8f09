//! `copy-that export`: token files from a library JSON or a saved project.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use copy_that_export::{
    check_library, import_dtcg, write_all, ExportError, ExportOptions, Imported, Naming, Unit,
    FORMATS,
};
use copy_that_spacing::{RootPx, SpacingLibrary};

#[derive(Clone, Copy, ValueEnum)]
pub enum UnitArg {
    Px,
    Rem,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum NamingArg {
    /// The token's name: its step on the 4 px scale (`4` for 16 px), kept by the project, or
    /// the designer's rename. Stable: adding images does not change it.
    Simple,
    /// T-shirt sizes, the value's rank in the set (`md` nearest 16 px); they move as values join.
    TShirt,
    Descriptive,
    Contextual,
    ScalePosition,
    Semantic,
}

#[derive(Args)]
pub struct ExportArgs {
    /// A library as printed by `extract --json` or `aggregate --json`, or a DTCG tokens file.
    /// A token whose value cannot be a spacing (negative, over 10000 px, not a number) is left
    /// out with a warning naming it.
    #[arg(long, value_name = "LIBRARY.json", conflicts_with = "project")]
    from: Option<PathBuf>,
    /// A saved project instead of a file.
    #[arg(long, value_name = "NAME")]
    project: Option<String>,
    /// Formats, comma-separated (see --list-formats), or `all`.
    #[arg(long, value_delimiter = ',', default_value = "all")]
    format: Vec<String>,
    /// Output folder.
    #[arg(short = 'o', long, default_value = "tokens")]
    out: PathBuf,
    #[arg(long, value_enum, default_value = "px")]
    unit: UnitArg,
    /// Root font size in px, for rem values.
    #[arg(long, default_value_t = RootPx::DEFAULT)]
    root_px: RootPx,
    #[arg(long, value_enum, default_value = "simple")]
    naming: NamingArg,
    /// Prefix of variable names (empty for none).
    #[arg(long, default_value = "spacing")]
    prefix: String,
    /// Leave out semantic aliases such as card-padding.
    #[arg(long)]
    no_aliases: bool,
    /// Include where each value was measured.
    #[arg(long)]
    provenance: bool,
    /// Write responsive suggestions as media queries.
    #[arg(long)]
    responsive: bool,
    /// List the formats and exit.
    #[arg(long)]
    list_formats: bool,
}

/// A library JSON (as `extract --json` prints it) or a DTCG file, each token checked: what cannot
/// be a spacing is left out and listed, so a file with one bad value still exports the rest.
fn read_from(path: &Path, root_px: RootPx) -> Result<Imported> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let shown = path.display().to_string();
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match serde_json::from_str::<SpacingLibrary>(body) {
        Ok(library) => Ok(check_library(library, &shown)?),
        Err(library_error) => match import_dtcg(body, &shown, root_px) {
            Ok(imported) => Ok(imported),
            Err(ExportError::Import(..)) => Err(library_error).with_context(|| {
                format!(
                    "{shown} is neither a library printed by `copy-that extract --json` nor a \
                     DTCG tokens file"
                )
            }),
            Err(e) => Err(e.into()),
        },
    }
}

pub fn run(data_dir: &Path, args: &ExportArgs) -> Result<()> {
    if args.list_formats {
        for f in FORMATS {
            outln!("{:<18} {:<30} {}", f.name, f.file, f.description)?;
        }
        return Ok(());
    }
    let library: SpacingLibrary = match (&args.from, &args.project) {
        (Some(path), None) => {
            let imported = read_from(path, args.root_px)?;
            crate::term::warn_skipped(&imported);
            imported.library
        }
        (None, Some(name)) => crate::projects::show(data_dir, name)?,
        _ => bail!("say where the tokens come from: --from LIBRARY.json or --project NAME"),
    };
    let names: Vec<&str> = if args.format.iter().any(|f| f == "all") {
        FORMATS.iter().map(|f| f.name).collect()
    } else {
        args.format.iter().map(String::as_str).collect()
    };
    let options = ExportOptions {
        unit: match args.unit {
            UnitArg::Px => Unit::Px,
            UnitArg::Rem => Unit::Rem,
        },
        root_px: args.root_px,
        naming: match args.naming {
            NamingArg::Simple => Naming::Simple,
            NamingArg::TShirt => Naming::TShirt,
            NamingArg::Descriptive => Naming::Descriptive,
            NamingArg::Contextual => Naming::Contextual,
            NamingArg::ScalePosition => Naming::ScalePosition,
            NamingArg::Semantic => Naming::Semantic,
        },
        prefix: args.prefix.clone(),
        aliases: !args.no_aliases,
        provenance: args.provenance,
        responsive: args.responsive,
    };
    for path in write_all(&args.out, &names, &library, &options)? {
        outln!("{}", crate::term::safe(&path.display().to_string()))?;
    }
    Ok(())
}
