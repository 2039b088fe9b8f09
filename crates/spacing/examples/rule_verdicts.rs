//! The evidence rule's verdict for every measurement of every page, for `bench/fit_select.py`.
//!
//!     cargo run --release -p copy-that-spacing --example rule_verdicts -- MEAS OUT
//!
//! `MEAS/<source>/<id>.json` is `copy-that extract --measurements` of one page; this writes
//! `OUT/<source>/<id>.json`: `{"base_unit": …, "kept": […]}`, the grid the rule voted for (CSS px)
//! and one `true`/`false` per measurement of its first image, in order: whether the rule kept it. The scorer's `rule_kept` feature is the rule's verdict at run
//! time, so it must be fitted on the rule's verdicts too, not on `extract --json`'s finished
//! selection (the old scorer's output).

use std::fs;
use std::path::Path;

use copy_that_spacing::select::evidence_rule;
use copy_that_spacing::{Measurement, SelectOptions, Verdict};
use serde::Deserialize;

#[derive(Deserialize)]
struct Image {
    measurements: Vec<Measurement>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [meas, out] = args.as_slice() else {
        return Err("usage: rule_verdicts MEAS OUT".into());
    };
    let options = SelectOptions::default();
    let mut pages = 0;
    for source in fs::read_dir(meas)? {
        let source = source?.path();
        if !source.is_dir() {
            continue;
        }
        let name = source.file_name().ok_or("a source folder without a name")?;
        let target = Path::new(out).join(name);
        fs::create_dir_all(&target)?;
        for page in fs::read_dir(&source)? {
            let page = page?.path();
            if page.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            // A page the CLI could not measure has no images: no verdicts, as no measurements.
            let images: Vec<Image> =
                serde_json::from_str(&fs::read_to_string(&page)?).unwrap_or_default();
            let (base_unit, kept) = images
                .first()
                .map(|image| {
                    let rule = evidence_rule(&image.measurements, &options);
                    let kept: Vec<bool> =
                        rule.verdicts.iter().map(|v| *v == Verdict::Kept).collect();
                    (rule.base_unit, kept)
                })
                .unwrap_or_default();
            let file = page.file_name().ok_or("a page without a name")?;
            let verdicts = serde_json::json!({ "base_unit": base_unit, "kept": kept });
            fs::write(target.join(file), verdicts.to_string())?;
            pages += 1;
        }
    }
    eprintln!("{pages} pages");
    Ok(())
}
