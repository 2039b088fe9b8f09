//! `copy-that aggregate`: measurements grouped by image, merged into one library, printed as a
//! table or as JSON. In JSON each token's occurrences are summarised per image by default (a
//! million measurements would otherwise print every one, 164 MB); `--occurrences all` prints them.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use copy_that_spacing::{
    aggregate, AggregateOptions, Measurement, MergeThreshold, Occurrence, RootPx, SpacingLibrary,
};
use serde::Serialize;
use serde_json::Value;

#[derive(Args)]
pub struct AggregateArgs {
    /// The measurements file, or `-` for standard input.
    batch: PathBuf,
    /// Values closer than this fraction merge into one token.
    #[arg(long, default_value_t = MergeThreshold::DEFAULT)]
    threshold: MergeThreshold,
    /// Hide tokens measured fewer times than this.
    #[arg(long, default_value_t = 1)]
    min_support: u32,
    /// Root font size in px, for rem values.
    #[arg(long, default_value_t = RootPx::DEFAULT)]
    root_px: RootPx,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// With --json: each token's occurrences summarised per image (`occurrences_by_image`:
    /// count, smallest and largest value, mean confidence), or all of them (`occurrences`, one
    /// entry per measurement, with its box).
    #[arg(long, value_enum, default_value = "summary")]
    occurrences: Occurrences,
}

/// How much of each token's provenance `--json` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Occurrences {
    Summary,
    All,
}

pub fn run(args: AggregateArgs) -> Result<()> {
    let batch = &args.batch;
    let text = if batch.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).context("reading standard input")?
    } else {
        std::fs::read_to_string(batch).with_context(|| format!("reading {}", batch.display()))?
    };
    let images: Vec<Vec<Measurement>> = serde_json::from_str(&text).with_context(|| {
        format!(
            "{} is not a list of per-image measurement lists",
            batch.display()
        )
    })?;
    drop(text);
    let options = AggregateOptions {
        threshold: args.threshold,
        min_support: args.min_support,
        root_px: args.root_px,
        provider: "aggregate".into(),
        ..AggregateOptions::default()
    };
    let library = aggregate(&images, &options)?;
    drop(images);
    match (args.json, args.occurrences) {
        (false, _) => crate::print_library(&library, false),
        (true, Occurrences::All) => write_json(&library),
        (true, Occurrences::Summary) => write_json(&summarised(library)?),
    }
}

/// Pretty JSON on standard output, written as it is produced (never one string of it all).
fn write_json(value: &impl Serialize) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// One token's occurrences in one image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageOccurrences {
    /// Index of the image in the batch.
    pub image: u32,
    pub count: u32,
    /// The smallest and largest value measured there, before merging, in CSS px.
    pub min_px: f64,
    pub max_px: f64,
    pub mean_confidence: f64,
}

/// Each image's occurrences summarised, in image order.
pub fn by_image(occurrences: &[Occurrence]) -> Vec<ImageOccurrences> {
    let mut images: BTreeMap<u32, (ImageOccurrences, f64)> = BTreeMap::new();
    for o in occurrences {
        let (s, confidence) = images.entry(o.image).or_insert_with(|| {
            let first = ImageOccurrences {
                image: o.image,
                count: 0,
                min_px: o.value_px,
                max_px: o.value_px,
                mean_confidence: 0.0,
            };
            (first, 0.0)
        });
        s.count += 1;
        s.min_px = s.min_px.min(o.value_px);
        s.max_px = s.max_px.max(o.value_px);
        *confidence += o.confidence;
    }
    images
        .into_values()
        .map(|(s, confidence)| ImageOccurrences {
            mean_confidence: confidence / f64::from(s.count),
            ..s
        })
        .collect()
}

/// The library as JSON with each token's `occurrences` replaced by `occurrences_by_image`.
fn summarised(mut library: SpacingLibrary) -> Result<Value> {
    let summaries: Vec<Vec<ImageOccurrences>> = library
        .tokens
        .iter_mut()
        .map(|t| by_image(&std::mem::take(&mut t.occurrences)))
        .collect();
    let mut value = serde_json::to_value(&library)?;
    let tokens = value
        .get_mut("tokens")
        .and_then(Value::as_array_mut)
        .context("a library has tokens")?;
    for (token, summary) in tokens.iter_mut().zip(summaries) {
        if let Some(t) = token.as_object_mut() {
            t.remove("occurrences");
            t.insert(
                "occurrences_by_image".into(),
                serde_json::to_value(summary)?,
            );
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use copy_that_spacing::SpacingType;

    fn occ(image: u32, value_px: f64, confidence: f64) -> Occurrence {
        Occurrence {
            image,
            value_px,
            confidence,
            spacing_type: SpacingType::Gap,
            bbox: None,
        }
    }

    #[test]
    fn occurrences_are_summarised_per_image_in_image_order() {
        let s = by_image(&[occ(2, 16.0, 0.5), occ(0, 15.0, 0.9), occ(2, 17.0, 0.7)]);
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[0].image, s[0].count, s[0].min_px, s[0].max_px),
            (0, 1, 15.0, 15.0)
        );
        assert_eq!(
            (s[1].image, s[1].count, s[1].min_px, s[1].max_px),
            (2, 2, 16.0, 17.0)
        );
        assert!((s[1].mean_confidence - 0.6).abs() < 1e-12);
        assert!(by_image(&[]).is_empty());
    }
}
