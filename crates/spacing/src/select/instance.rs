//! The measurement scorer: how likely each measurement lies where a designed spacing of its value
//! does, from how it was measured and what else on the page matches it. Its features are exactly
//! those of `bench/fit_instances.py` (`features`), its trees `instance_model.rs`; the value scorer
//! reads, per value, the best, summed and mean of these probabilities (`features.rs`).
//!
//! Why: the value scorer's label (is the value within 1 px of one the page uses?) is true of
//! nearly any small value on a page whose system is 2, 4, 6, 8, 10, 12, 16, 20, 24. The ground
//! truth also says where each spacing is, so a measurement can be labelled by whether it lies there:
//! a distance that recurs on the same axis, in the same row or beside items of the same size is
//! more often designed than one seen once between two words.

use super::features::CONTEXTS;
use super::instance_model as fitted;
use crate::grid::on_multiple;
use crate::model::Measurement;

/// Number of features.
pub const COUNT: usize = 26;

/// A measurement of the generated parity page: value, confidence, type, context, box (x, y, w, h).
#[cfg(test)]
pub type ParityRow = (f64, f64, &'static str, Option<&'static str>, [u32; 4]);

/// The measurement's box (x, y, w, h) in image px; none is an empty box at the origin.
fn bbox(m: &Measurement) -> [f64; 4] {
    m.bbox
        .map_or([0.0; 4], |b| [b.x, b.y, b.w, b.h].map(f64::from))
}

/// The page's pixel density as its measurements show it: a distance's box is as long as the
/// distance times the density along its axis, and usually longer across; the median of the shorter
/// side over the value (values of 4 px or more, the upper median of an even count).
fn density(ms: &[&Measurement]) -> f64 {
    let mut r: Vec<f64> = ms
        .iter()
        .filter(|m| m.value_px >= 4.0)
        .map(|m| {
            let b = bbox(m);
            b[2].min(b[3]) / m.value_px
        })
        .collect();
    r.sort_by(f64::total_cmp);
    let d = r.get(r.len() / 2).copied().unwrap_or(1.0);
    if d > 0.0 {
        d
    } else {
        1.0
    }
}

/// One row per measurement of positive value, in order.
pub fn features(measurements: &[Measurement]) -> Vec<[f64; COUNT]> {
    let ms: Vec<&Measurement> = measurements.iter().filter(|m| m.value_px > 0.0).collect();
    let d = density(&ms);
    // Each one's axis (0: a horizontal distance, its box as wide as the value) and its extent
    // across that axis.
    let geo: Vec<(u8, f64, f64)> = ms
        .iter()
        .map(|m| {
            let [x, y, w, h] = bbox(m);
            let v = m.value_px;
            if (w - v * d).abs() <= (h - v * d).abs() {
                (0, y, y + h)
            } else {
                (1, x, x + w)
            }
        })
        .collect();
    let mut by: std::collections::HashMap<i64, Vec<usize>> = std::collections::HashMap::new();
    for (i, m) in ms.iter().enumerate() {
        by.entry(m.value_px.round() as i64).or_default().push(i);
    }
    ms.iter()
        .enumerate()
        .map(|(i, m)| {
            let v = m.value_px;
            let (a, p0, p1) = geo[i];
            let len = p1 - p0;
            let across = len.max(1.0) / d;
            let k = v.round() as i64;
            let same: Vec<usize> = [k - 1, k, k + 1]
                .iter()
                .filter_map(|key| by.get(key))
                .flatten()
                .copied()
                .filter(|&j| j != i)
                .collect();
            let axis: Vec<usize> = same.iter().copied().filter(|&j| geo[j].0 == a).collect();
            let row = axis
                .iter()
                .filter(|&&j| {
                    let (_, q0, q1) = geo[j];
                    q1.min(p1) - q0.max(p0) > 0.5 * len.min(q1 - q0)
                })
                .count();
            let size = axis
                .iter()
                .filter(|&&j| ((geo[j].2 - geo[j].1) - len).abs() <= 2f64.max(0.1 * len))
                .count();
            let count = |n: usize| (n as f64).ln_1p();
            let flag = |b: bool| f64::from(u8::from(b));
            let mut f = [0.0; COUNT];
            f[0] = v.max(0.5).ln();
            f[1] = m.confidence;
            f[2] = f64::from(a);
            f[3] = across.ln();
            f[4] = (across / v.max(1.0)).ln();
            f[5] = count(same.len());
            f[6] = count(axis.len());
            f[7] = count(row);
            f[8] = count(size);
            f[9] = flag(on_multiple(v, 4.0));
            f[10] = flag(on_multiple(v, 8.0));
            f[11] = flag(on_multiple(v, 5.0));
            for (j, c) in CONTEXTS.iter().enumerate() {
                f[12 + j] = flag(m.context.as_deref() == Some(c));
            }
            for (j, t) in ["padding", "gap", "margin", "gutter"].iter().enumerate() {
                f[22 + j] = flag(m.spacing_type.as_str() == *t);
            }
            f
        })
        .collect()
}

/// Each measurement's probability of lying where a designed spacing of its value does (0 for a
/// value that is not positive).
pub fn probabilities(measurements: &[Measurement]) -> Vec<f64> {
    let mut rows = features(measurements).into_iter();
    measurements
        .iter()
        .map(|m| {
            if m.value_px > 0.0 {
                rows.next().map_or(0.0, |f| fitted::FOREST.score(&f))
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{BBox, SpacingType};

    fn page(rows: &[ParityRow]) -> Vec<Measurement> {
        rows.iter()
            .map(|&(v, c, t, ctx, [x, y, w, h])| Measurement {
                value_px: v,
                confidence: c,
                spacing_type: serde_json::from_value(serde_json::json!(t)).expect("a type"),
                context: ctx.map(str::to_string),
                bbox: Some(BBox { x, y, w, h }),
                design_intent: None,
            })
            .collect()
    }

    #[test]
    fn the_features_are_the_fitting_scripts() {
        // The script reads the same page and wrote the rows it got: a feature computed another way
        // here (a rounding, an axis, a count) is a different model.
        let rows = features(&page(&fitted::PARITY));
        assert_eq!(rows.len(), fitted::PARITY_FEATURES.len());
        for (got, want) in rows.iter().zip(fitted::PARITY_FEATURES.iter()) {
            for (k, (g, w)) in got.iter().zip(want).enumerate() {
                assert!((g - w).abs() < 1e-12, "feature {k}: {g} != {w}");
            }
        }
    }

    #[test]
    fn the_density_is_read_off_the_boxes_and_a_distance_repeated_in_its_row_counts_there() {
        // At 2x, 16 px is 32 image px along its axis; two 16 px paddings face each other across
        // one 120 px tall row, a third sits in another row.
        let ms = page(&[
            (16.0, 0.95, "padding", None, [100, 40, 32, 120]),
            (16.0, 0.95, "padding", None, [468, 40, 32, 120]),
            (16.0, 0.95, "padding", None, [100, 400, 32, 120]),
            (8.0, 0.2, "gap", None, [130, 260, 90, 16]),
        ]);
        let refs: Vec<&Measurement> = ms.iter().collect();
        assert_eq!(density(&refs), 2.0);
        let rows = features(&ms);
        // Measured across x; 120 image px across is 60 CSS px.
        assert_eq!(rows[0][2], 0.0);
        assert!((rows[0][3] - 60f64.ln()).abs() < 1e-12);
        // Two others of its value, both on its axis; one in its row; both of its size.
        assert_eq!(rows[0][5], 2f64.ln_1p());
        assert_eq!(rows[0][6], 2f64.ln_1p());
        assert_eq!(rows[0][7], 1f64.ln_1p());
        assert_eq!(rows[2][7], 0.0);
        assert_eq!(rows[0][8], 2f64.ln_1p());
        // The text gap is measured down (across y) and stands alone.
        assert_eq!(rows[3][2], 1.0);
        assert_eq!(rows[3][5], 0.0);
    }

    #[test]
    fn a_measurement_without_a_place_or_a_value_is_scored_without_a_panic() {
        let mut ms = page(&[(16.0, 0.95, "padding", None, [0, 0, 32, 40])]);
        ms.push(Measurement::new(8.0, 0.5, SpacingType::Gap).expect("valid"));
        ms.push(Measurement {
            value_px: 0.0,
            ..ms[1].clone()
        });
        let p = probabilities(&ms);
        assert_eq!(p.len(), 3);
        assert!(p[..2].iter().all(|q| (0.0..=1.0).contains(q)), "{p:?}");
        assert_eq!(p[2], 0.0);
    }

    #[test]
    fn the_measurement_scorer_gives_the_fitting_scripts_scores() {
        for (features, expected) in fitted::SAMPLES.iter() {
            let got = fitted::FOREST.score(features);
            assert!((got - expected).abs() < 1e-9, "{got} != {expected}");
        }
    }
}
