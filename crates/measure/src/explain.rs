//! What the engine tells a designer about one image: the density it measured at and why, what it
//! kept and what it left out, and, when nothing confident came out, why.

use copy_that_spacing::{Selection, Verdict};
use serde::Serialize;

use crate::{DensitySource, Extraction};

/// One value and how often it was measured.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ValueCount {
    pub value_px: f64,
    pub count: u32,
}

/// The account of one image's extraction.
#[derive(Debug, Clone, Serialize)]
pub struct ImageReport {
    pub width: u32,
    pub height: u32,
    pub dpr: f64,
    pub dpr_source: DensitySource,
    /// Distances measured.
    pub measured: usize,
    /// The grid the selection voted for, in CSS px.
    pub base_unit: f64,
    /// Values kept as the image's system.
    pub kept: Vec<ValueCount>,
    /// Values left out: unsure, too rare, off the grid.
    pub unsure: Vec<ValueCount>,
    pub too_rare: Vec<ValueCount>,
    pub off_grid: Vec<ValueCount>,
    /// Only a lenient second look found values.
    pub lenient: bool,
    /// A sentence for the designer when the result needs one: only when nothing was found, nothing
    /// confident was kept, or only the lenient fallback kept anything.
    pub note: Option<String>,
}

fn counts<'a>(values: impl Iterator<Item = f64> + 'a) -> Vec<ValueCount> {
    let mut out: Vec<ValueCount> = Vec::new();
    for v in values {
        match out.iter_mut().find(|c| c.value_px == v) {
            Some(c) => c.count += 1,
            None => out.push(ValueCount {
                value_px: v,
                count: 1,
            }),
        }
    }
    out.sort_by(|a, b| a.value_px.total_cmp(&b.value_px));
    out
}

/// The density's source in words.
pub fn density_reason(source: DensitySource) -> &'static str {
    match source {
        DensitySource::User => "set by you",
        DensitySource::Metadata => "from the file's metadata",
        DensitySource::DeviceSize => {
            "a known device size, confirmed by the image (its pixel grid, text size or hairlines)"
        }
        DensitySource::Measurements => "the pixel grid its box edges sit on",
        DensitySource::Default => "no sign of a high-density screen",
    }
}

/// Puts an extraction and its selection into words and numbers.
pub fn report(e: &Extraction, s: &Selection) -> ImageReport {
    let with = |want: Verdict| {
        counts(
            e.measurements
                .iter()
                .zip(&s.verdicts)
                .filter(move |(_, v)| **v == want)
                .map(|(m, _)| m.value_px),
        )
    };
    ImageReport {
        width: e.width,
        height: e.height,
        dpr: e.dpr,
        dpr_source: e.dpr_source,
        measured: e.measurements.len(),
        base_unit: s.base_unit,
        kept: counts(s.kept.iter().map(|m| m.value_px)),
        unsure: with(Verdict::Unsure),
        too_rare: with(Verdict::TooRare),
        off_grid: with(Verdict::OffGrid),
        lenient: s.lenient,
        note: note(e, s),
    }
}

/// Why an image gave no confident token, in words; `None` when it did. (The pipeline asks for
/// this alone for every image; a whole report is only built when one is printed.)
pub fn note(e: &Extraction, s: &Selection) -> Option<String> {
    let count = |want: Verdict| s.verdicts.iter().filter(|v| **v == want).count();
    if e.measurements.is_empty() {
        Some(
            "no boxes, dividers or text lines were found, so there was nothing to measure \
             (a photo, a blank area or a very small image?)"
                .to_string(),
        )
    } else if s.kept.is_empty() {
        Some(format!(
            "{} distances were measured but none is a confident spacing: {} too unsure, {} seen too \
             rarely, {} off the grid",
            e.measurements.len(),
            count(Verdict::Unsure),
            count(Verdict::TooRare),
            count(Verdict::OffGrid),
        ))
    } else if s.lenient {
        Some(
            "no distance here was measured with confidence (they end at text or at faint edges); \
             these values are the likeliest, check them in the overlay"
                .to_string(),
        )
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copy_that_spacing::{select_with_reasons, Measurement, SelectOptions, SpacingType};

    fn extraction(ms: Vec<Measurement>) -> Extraction {
        Extraction {
            width: 100,
            height: 100,
            dpr: 1.0,
            dpr_source: DensitySource::Default,
            measurements: ms,
            decode_ms: 0.0,
            measure_ms: 0.0,
        }
    }

    #[test]
    fn an_image_with_nothing_to_measure_says_so() {
        let e = extraction(Vec::new());
        let r = report(&e, &select_with_reasons(&[], &SelectOptions::default()));
        assert!(r.kept.is_empty());
        assert!(r
            .note
            .as_deref()
            .is_some_and(|n| n.contains("nothing to measure")));
    }

    #[test]
    fn kept_and_left_out_values_are_counted() {
        let m = |v, c| Measurement::new(v, c, SpacingType::Gap).expect("valid");
        let mut ms = Vec::new();
        for _ in 0..5 {
            ms.extend([m(8.0, 0.95), m(16.0, 0.95)]);
        }
        ms.push(m(30.0, 0.1));
        let e = extraction(ms.clone());
        let r = report(&e, &select_with_reasons(&ms, &SelectOptions::default()));
        assert_eq!(
            r.kept,
            vec![
                ValueCount {
                    value_px: 8.0,
                    count: 5
                },
                ValueCount {
                    value_px: 16.0,
                    count: 5
                }
            ]
        );
        assert_eq!(
            r.unsure,
            vec![ValueCount {
                value_px: 30.0,
                count: 1
            }]
        );
        assert!(r.note.is_none());
    }
}
