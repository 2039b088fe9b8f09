//! Properties that only make sense over a whole set of values: base unit, scale rank, rhythm.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::model::{ResponsiveScales, Rhythm, SpacingScale};

/// Base units a design system plausibly uses, largest first: the largest one that explains the set wins.
const CANDIDATES: [u32; 9] = [16, 12, 10, 8, 6, 5, 4, 3, 2];
/// Share of the weight a unit must explain to be "a clear majority".
const MAJORITY: f64 = 0.8;
/// How far above chance a unit must explain the set: with ±1 px tolerance a 4 px grid explains
/// three quarters of random integers, so plain coverage is not evidence.
const MIN_LIFT: f64 = 0.5;
/// Fewer distinct values than this is thin evidence: fall back to 8/4 px conventions.
const THIN_EVIDENCE: usize = 3;

/// The grid unit inferred for a set of spacings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct BaseUnit {
    /// The unit in CSS px.
    pub unit: f64,
    /// How sure the inference is (0..1): low when few values were seen or they fit the grid loosely.
    pub confidence: f64,
    /// Share of the measurements (by occurrence) that sit on this grid within tolerance.
    pub explained: f64,
}

/// Tolerance for "sits on the grid": measurement noise is ±1 px, but on a 2 or 3 px grid ±1 px
/// would explain every integer, so small units must match exactly.
pub fn grid_tolerance(unit: f64) -> f64 {
    if unit >= 4.0 {
        1.0
    } else {
        0.0
    }
}

/// Whether `value` lies within the grid tolerance of a positive multiple of `unit`.
pub fn on_grid(value: f64, unit: f64) -> bool {
    if unit <= 0.0 || value <= 0.0 {
        return false;
    }
    let steps = (value / unit).round().max(1.0);
    (value - steps * unit).abs() <= grid_tolerance(unit) + 1e-9
}

/// The nearest multiple of `unit` when `value` is within grid tolerance of it; `value` otherwise.
/// Monotone in `value`, so sorted input stays sorted.
pub fn snap(value: f64, unit: f64) -> f64 {
    if on_grid(value, unit) {
        (value / unit).round().max(1.0) * unit
    } else {
        value
    }
}

fn explained_share(values: &[(f64, u64)], unit: u32) -> f64 {
    let unit = f64::from(unit);
    let (mut hit, mut total) = (0u64, 0u64);
    for &(v, w) in values {
        total += w;
        if on_grid(v, unit) {
            hit += w;
        }
    }
    if total == 0 {
        0.0
    } else {
        hit as f64 / total as f64
    }
}

/// Share of integers a unit explains by chance.
fn chance(unit: u32) -> f64 {
    let tol = grid_tolerance(f64::from(unit)) as u32;
    f64::from((2 * tol + 1).min(unit)) / f64::from(unit)
}

/// Infers the base unit from distinct values and how often each occurs. Values under 1 px are ignored.
pub fn infer_base_unit(values: &[(f64, u64)]) -> BaseUnit {
    let values: Vec<(f64, u64)> = values
        .iter()
        .copied()
        .filter(|&(v, w)| v >= 1.0 && w > 0)
        .collect();
    let distinct = values.len();
    if distinct == 0 {
        return BaseUnit {
            unit: 4.0,
            confidence: 0.0,
            explained: 0.0,
        };
    }
    let scored: Vec<(u32, f64, f64)> = CANDIDATES
        .iter()
        .map(|&b| {
            let f = explained_share(&values, b);
            let c = chance(b);
            (b, f, ((f - c) / (1.0 - c)).max(0.0))
        })
        .collect();
    // Evidence grows with the number of distinct values: one value fits many grids.
    let evidence = 1.0 - (-(distinct as f64) / 3.0).exp();

    if distinct < THIN_EVIDENCE {
        for conv in [8u32, 4] {
            if let Some(&(b, f, _)) = scored.iter().find(|s| s.0 == conv && s.1 >= MAJORITY) {
                return BaseUnit {
                    unit: f64::from(b),
                    confidence: (0.5 * f * evidence).min(1.0),
                    explained: f,
                };
            }
        }
    }
    if let Some(&(b, f, lift)) = scored
        .iter()
        .find(|&&(_, f, lift)| f >= MAJORITY && lift >= MIN_LIFT)
    {
        return BaseUnit {
            unit: f64::from(b),
            confidence: (lift * evidence).clamp(0.0, 1.0),
            explained: f,
        };
    }
    // No unit explains a clear majority: the set is off-grid. Report the best-lifting unit, unsure.
    let &(b, f, lift) = scored
        .iter()
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .unwrap_or(&(4, 0.0, 0.0));
    BaseUnit {
        unit: f64::from(b),
        confidence: (0.3 * lift * evidence).clamp(0.0, 1.0),
        explained: f,
    }
}

/// Scale names for every rank, tightest first, extending past `2xs`/`3xl` when a set has more steps.
/// The step nearest 16 px (in ratio) is `md`, so 5 px and 8 px systems both get sensible names.
pub fn assign_scale(sorted_values: &[f64]) -> Vec<(SpacingScale, String)> {
    let positive: Vec<usize> = (0..sorted_values.len())
        .filter(|&i| sorted_values[i] > 0.0)
        .collect();
    let anchor = positive
        .iter()
        .copied()
        .min_by(|&a, &b| {
            let da = (sorted_values[a] / 16.0).ln().abs();
            let db = (sorted_values[b] / 16.0).ln().abs();
            da.total_cmp(&db).then(b.cmp(&a))
        })
        .unwrap_or(0);
    sorted_values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            if v <= 0.0 {
                return (SpacingScale::None, "none".to_string());
            }
            let pos = 3 + i as i64 - anchor as i64; // index of `md` in STEPS is 3
            let scale = SpacingScale::STEPS[pos.clamp(0, 7) as usize];
            let name = if pos < 0 {
                format!("{}xs", 2 - pos)
            } else if pos > 7 {
                format!("{}xl", pos - 4)
            } else {
                scale.as_str().to_string()
            };
            (scale, name)
        })
        .collect()
}

/// The set's rhythm from the share of its occurrences that sit on the grid.
pub fn rhythm(grid_share: f64) -> Rhythm {
    if grid_share >= 0.9 {
        Rhythm::Consistent
    } else if grid_share >= 0.6 {
        Rhythm::Mixed
    } else {
        Rhythm::Irregular
    }
}

/// Suggested values per breakpoint. Screenshots are usually desktop captures, so the measured value
/// is the desktop value; phones get three quarters, wide screens a quarter more, snapped to the grid.
pub fn responsive(value: f64, unit: f64) -> ResponsiveScales {
    let fit = |f: f64| {
        if value <= 0.0 {
            return 0.0;
        }
        let scaled = value * f;
        if unit >= 1.0 {
            ((scaled / unit).round() * unit).max(unit)
        } else {
            scaled.round()
        }
    };
    ResponsiveScales {
        mobile: fit(0.75),
        tablet: value,
        desktop: value,
        widescreen: fit(1.25),
        rule: format!(
            "mobile ×0.75, tablet and desktop as measured, widescreen ×1.25, snapped to the {} px grid",
            fmt_px(unit)
        ),
    }
}

/// Formats a px value without a trailing `.0`.
pub fn fmt_px(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{}", (v * 100.0).round() / 100.0)
    }
}
