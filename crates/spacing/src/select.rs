//! Which of one image's measurements belong to its design system.
//!
//! A screenshot yields many distances: designed paddings and gaps, but also distances pushed by
//! alignment, centring and rendering. The system's values are the ones measured with some
//! confidence, seen with enough summed confidence (one exact box-to-box distance suffices for a
//! small value; larger values need more), and sitting on the grid those confident values share.
//! Selection works per image, at the ±1 px of measurement noise only: merging near-equal
//! values (the 10 % threshold) is for combining images afterwards, and would let a frequent
//! accident swallow a real step beside it.
//!
//! A kept value within the ±1 px of noise of the grid is reported at the grid: 25 px on a 4 px grid
//! is a 24 px spacing measured across an anti-aliased edge. Snapping here, before images are merged,
//! keeps a noisy 37 from absorbing the 40 beside it under the 10 % merge.

use crate::aggregate::{aggregate, AggregateOptions};
use crate::analysis::{nearest_multiple, on_grid};
use crate::model::Measurement;
use serde::{Deserialize, Serialize};
use specta::Type;

/// How strict selection is.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectOptions {
    /// Measurements less sure than this are not considered.
    pub min_confidence: f64,
    /// A value needs this much summed confidence to count.
    pub min_evidence: f64,
    /// Only measurements at least this sure vote on the grid.
    pub vote_confidence: f64,
    /// Values above this need proportionally more evidence.
    pub evidence_scale_px: f64,
}

impl Default for SelectOptions {
    fn default() -> Self {
        Self {
            min_confidence: 0.35,
            min_evidence: 0.9,
            vote_confidence: 0.5,
            evidence_scale_px: 48.0,
        }
    }
}

/// Why a measurement is, or is not, one of the system's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Kept: a value of the system.
    Kept,
    /// Measured with too little confidence to be considered.
    Unsure,
    /// Sure enough, but its value was not seen with enough summed confidence.
    TooRare,
    /// Seen enough, but off the grid the image's confident values share.
    OffGrid,
}

/// One image's selection, with a verdict for every measurement.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The system's measurements, values snapped to the grid, in their original order.
    pub kept: Vec<Measurement>,
    /// One verdict per input measurement, in the input order.
    pub verdicts: Vec<Verdict>,
    /// The grid the selection voted for, in CSS px (0 when nothing was considered).
    pub base_unit: f64,
    /// The strict selection kept nothing and a lenient one found these values: they are real
    /// structure, measured with little confidence.
    pub lenient: bool,
}

/// Options of the second, lenient look at an image whose strict selection kept nothing: a
/// screenshot with visible structure never yields nothing silently.
fn lenient(options: &SelectOptions) -> SelectOptions {
    SelectOptions {
        min_confidence: options.min_confidence.min(0.15),
        min_evidence: options.min_evidence.min(0.3),
        vote_confidence: options.vote_confidence.min(0.15),
        evidence_scale_px: options.evidence_scale_px,
    }
}

/// The measurements of one image that belong to its system, in their original order.
pub fn select_system(measurements: &[Measurement], options: &SelectOptions) -> Vec<Measurement> {
    select_with_reasons(measurements, options).kept
}

/// Selects an image's system values and says why every other measurement was left out.
pub fn select_with_reasons(measurements: &[Measurement], options: &SelectOptions) -> Selection {
    let strict = select_once(measurements, options);
    if !strict.kept.is_empty() || measurements.is_empty() {
        return strict;
    }
    let relaxed = lenient(options);
    let second = select_once(measurements, &relaxed);
    if second.kept.is_empty() {
        return strict;
    }
    Selection {
        lenient: true,
        ..second
    }
}

fn select_once(measurements: &[Measurement], options: &SelectOptions) -> Selection {
    let opts = AggregateOptions {
        threshold: 0.0,
        min_support: 1,
        min_confidence: options.min_confidence,
        min_evidence: options.min_evidence,
        vote_confidence: options.vote_confidence,
        evidence_scale_px: options.evidence_scale_px,
        grid_only: true,
        root_px: 16.0,
        provider: "select".into(),
    };
    let batch = [measurements.to_vec()];
    let Ok(library) = aggregate(&batch, &opts) else {
        return Selection {
            kept: Vec::new(),
            verdicts: vec![Verdict::Unsure; measurements.len()],
            base_unit: 0.0,
            lenient: false,
        };
    };
    let unit = library.statistics.base_unit;
    let mut keep: Vec<((u64, u64), f64)> = library
        .tokens
        .iter()
        .flat_map(|t| {
            let value = snap(t.value_px, unit);
            t.occurrences
                .iter()
                .map(move |o| ((o.value_px.to_bits(), o.confidence.to_bits()), value))
        })
        .collect();
    keep.sort_unstable_by_key(|k| k.0);
    let mut kept = Vec::new();
    let mut verdicts = Vec::with_capacity(measurements.len());
    for m in measurements {
        let key = (m.value_px.to_bits(), m.confidence.to_bits());
        if let Ok(i) = keep.binary_search_by_key(&key, |k| k.0) {
            let (_, value) = keep.remove(i);
            kept.push(Measurement {
                value_px: value,
                ..m.clone()
            });
            verdicts.push(Verdict::Kept);
        } else if m.confidence < options.min_confidence {
            verdicts.push(Verdict::Unsure);
        } else if !on_grid(m.value_px, unit) {
            verdicts.push(Verdict::OffGrid);
        } else {
            verdicts.push(Verdict::TooRare);
        }
    }
    Selection {
        kept,
        verdicts,
        base_unit: unit,
        lenient: false,
    }
}

/// The grid multiple a token value stands for, when it is within the grid's tolerance of one.
fn snap(value: f64, unit: f64) -> f64 {
    if on_grid(value, unit) {
        nearest_multiple(value, unit)
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpacingType;

    fn m(v: f64, c: f64) -> Measurement {
        Measurement::new(v, c, SpacingType::Gap).expect("valid")
    }

    #[test]
    fn keeps_confident_grid_values_and_drops_accidents() {
        let mut ms = Vec::new();
        for _ in 0..8 {
            ms.extend([m(8.0, 0.9), m(16.0, 0.9), m(24.0, 0.7), m(12.0, 0.7)]);
        }
        ms.push(m(38.0, 0.9)); // a one-off off the grid
        ms.push(m(26.0, 0.7)); // beside 24: would swallow it under a 10 % merge
        ms.push(m(26.0, 0.7));
        ms.push(m(40.0, 0.2)); // too unsure to consider
        let kept: Vec<f64> = select_system(&ms, &SelectOptions::default())
            .iter()
            .map(|m| m.value_px)
            .collect();
        assert_eq!(kept.len(), 32);
        assert!(
            kept.iter().all(|&v| [8.0, 12.0, 16.0, 24.0].contains(&v)),
            "{kept:?}"
        );
    }

    #[test]
    fn values_a_pixel_off_the_grid_are_reported_on_it() {
        let mut ms = Vec::new();
        for _ in 0..6 {
            ms.extend([m(8.0, 0.95), m(16.0, 0.95), m(24.0, 0.95)]);
        }
        ms.extend([m(25.0, 0.7), m(25.0, 0.7), m(33.0, 0.95)]);
        let kept: Vec<f64> = select_system(&ms, &SelectOptions::default())
            .iter()
            .map(|m| m.value_px)
            .collect();
        assert!(!kept.contains(&25.0) && !kept.contains(&33.0), "{kept:?}");
        assert_eq!(kept.iter().filter(|&&v| v == 32.0).count(), 1, "{kept:?}");
        assert_eq!(kept.len(), ms.len());
    }

    #[test]
    fn a_noisy_37_no_longer_swallows_the_40_beside_it_when_images_merge() {
        // Regression: 37 px (text-side distances, one pixel off a 4 px grid) stayed 37, and the 10 %
        // merge across images then took the exact 40 px into it: the library said 37, not 36 and 40.
        let mut ms = Vec::new();
        for _ in 0..6 {
            ms.extend([m(4.0, 0.95), m(8.0, 0.95), m(16.0, 0.95), m(24.0, 0.95)]);
        }
        ms.extend([m(37.0, 0.7), m(38.0, 0.7), m(40.0, 0.95)]);
        let system = select_system(&ms, &SelectOptions::default());
        let library = aggregate(&[system], &AggregateOptions::default()).expect("aggregate");
        let values: Vec<f64> = library.tokens.iter().map(|t| t.value_px).collect();
        assert!(values.contains(&40.0), "{values:?}");
        assert!(!values.contains(&37.0), "{values:?}");
    }

    #[test]
    fn an_image_of_only_unsure_measurements_still_yields_its_values_leniently() {
        // Regression: a dashboard 404 page and a text-heavy page gave zero tokens: every distance
        // ended at text (confidence 0.3, under the 0.35 the strict selection needs).
        let mut ms = Vec::new();
        for _ in 0..4 {
            ms.extend([m(16.0, 0.3), m(24.0, 0.3), m(8.0, 0.2)]);
        }
        ms.push(m(13.0, 0.05));
        let s = select_with_reasons(&ms, &SelectOptions::default());
        assert!(s.lenient);
        let kept: Vec<f64> = s.kept.iter().map(|m| m.value_px).collect();
        assert!(kept.contains(&16.0) && kept.contains(&24.0), "{kept:?}");
        assert_eq!(s.verdicts.len(), ms.len());
        assert_eq!(s.verdicts[ms.len() - 1], Verdict::Unsure);
    }

    #[test]
    fn every_left_out_measurement_says_why() {
        let mut ms = Vec::new();
        for _ in 0..6 {
            ms.extend([m(8.0, 0.95), m(16.0, 0.95), m(24.0, 0.95)]);
        }
        ms.push(m(19.0, 0.95)); // sure, but off the 8 px grid: 19 is 3 from 16 and 24
        ms.push(m(40.0, 0.2)); // unsure
        ms.push(m(64.0, 0.5)); // on the grid, seen once at middling confidence
        let s = select_with_reasons(&ms, &SelectOptions::default());
        assert!(!s.lenient);
        assert_eq!(s.base_unit, 8.0);
        let n = ms.len();
        assert_eq!(
            &s.verdicts[n - 3..],
            &[Verdict::OffGrid, Verdict::Unsure, Verdict::TooRare]
        );
        assert_eq!(s.kept.len(), 18);
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(select_system(&[], &SelectOptions::default()).is_empty());
    }
}
