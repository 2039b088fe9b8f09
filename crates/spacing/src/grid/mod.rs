//! The base unit of a set of spacings: what "on the grid" means, and two ways to infer the grid.
//!
//! - [`infer_base_unit`] (`likelihood.rs`) weighs every candidate by how likely it makes a set of
//!   token values, times the conventions' prior (4 px before 8 px, 5 and 6 px only on strong
//!   evidence). It is the base unit a library reports.
//! - [`infer_by_coverage`] (`coverage.rs`) takes the largest grid that explains nine tenths of
//!   the confidence. It is the selection rule's vote over one image's raw measurements, where
//!   stray values are many but weak: weighed linearly by confidence they cannot outvote the
//!   system, while the likelihood, which weighs distinct values, lets two stray 4 and 28 px
//!   values turn an 8 px page into 4 px (synthetic 8 px pages lost their grid that way).

mod coverage;
mod likelihood;

use serde::{Deserialize, Serialize};
use specta::Type;

pub(crate) use coverage::infer_by_coverage;
pub use likelihood::infer_base_unit;

/// Base units design systems use, largest first. 2 and 3 px are not candidates: a page whose steps
/// include 6 or 10 px beside 4, 8, 16 (Bootstrap's button and card paddings) is a 4 px system with
/// half steps, and a designer reads "base unit 2 px" as broken.
pub(super) const CANDIDATES: [u32; 4] = [8, 6, 5, 4];

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
/// would explain every integer, so small units must match to the half pixel (the resolution of a
/// 2× screenshot measured in CSS px).
pub fn grid_tolerance(unit: f64) -> f64 {
    if unit >= 4.0 {
        1.0
    } else {
        0.5
    }
}

/// Whether `value` lies within the grid tolerance of a positive multiple of `unit`.
pub fn on_grid(value: f64, unit: f64) -> bool {
    if unit <= 0.0 || value <= 0.0 {
        return false;
    }
    (value - nearest_multiple(value, unit)).abs() <= grid_tolerance(unit) + 1e-9
}

/// The positive multiple of `unit` nearest to `value` (at least one unit).
pub fn nearest_multiple(value: f64, unit: f64) -> f64 {
    (value / unit).round().max(1.0) * unit
}

/// Share of the weight within tolerance of the grid, and whether the hits are centred on it.
///
/// Noise scatters measurements symmetrically around the true value, so on the right grid the exact
/// multiples are at least a fair share of the hits. A set whose hits are all one pixel off (the
/// primes 7, 11, 13, 17 … on a 6 px grid) only looks explained.
pub(super) fn explained_share(values: &[(f64, u64)], unit: u32) -> (f64, bool, f64) {
    let unit = f64::from(unit);
    let (mut exact, mut below, mut above, mut total) = (0u64, 0u64, 0u64, 0u64);
    // Every candidate is 4 px or more (never 2 or 3), so ±1 px.
    let tol = grid_tolerance(unit);
    for &(v, w) in values {
        total += w;
        let d = v - nearest_multiple(v, unit);
        if d.abs() <= tol + 1e-9 {
            if d.abs() < 0.5 {
                exact += w;
            } else if d < 0.0 {
                below += w;
            } else {
                above += w;
            }
        }
    }
    if total == 0 {
        return (0.0, false, 0.0);
    }
    let share = (exact + below + above) as f64 / total as f64;
    (
        share,
        2 * exact >= below.max(above),
        exact as f64 / total as f64,
    )
}

/// Values under this are hairlines, borders and rendering offsets, not layout: they do not vote.
pub(super) const MIN_VOTING_PX: f64 = 3.0;
/// Values over this are page-level distances (columns, centred content) that ±1 px puts on almost
/// any grid: they do not vote either.
pub(super) const MAX_VOTING_PX: f64 = 96.0;

/// Whether `value` is a multiple of `unit` (at least one) to the half pixel.
pub(crate) fn on_multiple(value: f64, unit: f64) -> bool {
    (value - nearest_multiple(value, unit)).abs() < 0.5
}

/// Which inference a clustering runs (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inference {
    /// The library's base unit: [`infer_base_unit`].
    Likelihood,
    /// The selection rule's vote over raw measurements: [`infer_by_coverage`].
    Coverage,
}

impl Inference {
    pub(crate) fn infer(self, values: &[(f64, u64)]) -> BaseUnit {
        match self {
            Self::Likelihood => infer_base_unit(values),
            Self::Coverage => infer_by_coverage(values),
        }
    }
}

/// The grid a doubtful base unit could as well be: of the other units the inference weighs, the
/// one that hits the most values exactly (weights are uses), with the share of uses it explains;
/// none when no other unit explains at least half of them.
pub fn base_unit_runner_up(values: &[(f64, u64)], chosen: f64) -> Option<(f64, f64)> {
    CANDIDATES
        .iter()
        .filter(|&&b| (f64::from(b) - chosen).abs() > 1e-9)
        .filter_map(|&b| {
            // Hits all a pixel off only look explained (as in the inference itself).
            let (share, centred, exact) = explained_share(values, b);
            (centred && exact > 0.0).then_some((f64::from(b), share, exact))
        })
        .filter(|&(_, share, _)| share >= 0.5)
        .max_by(|a, b| a.2.total_cmp(&b.2).then(a.1.total_cmp(&b.1)))
        .map(|(unit, share, _)| (unit, share))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_runner_up_is_the_other_grid_that_hits_most_values_exactly() {
        // An 8 px set with a few 4 px half steps: 4 px explains everything, 8 px most of it.
        let values = [(8.0, 10), (16.0, 10), (24.0, 6), (4.0, 3), (12.0, 2)];
        assert_eq!(base_unit_runner_up(&values, 8.0).map(|r| r.0), Some(4.0));
        let (unit, share) = base_unit_runner_up(&values, 4.0).expect("8 px explains most");
        assert_eq!(unit, 8.0);
        assert!(share > 0.8, "{share}");
        // Nothing else explains half of a set of odd values.
        assert_eq!(
            base_unit_runner_up(&[(7.0, 5), (13.0, 5), (19.0, 5)], 4.0),
            None
        );
    }

    #[test]
    fn grid_tolerance_is_one_px_from_4_px_up_and_exact_below() {
        assert!(on_grid(15.0, 4.0) && on_grid(17.0, 4.0) && !on_grid(18.0, 4.0));
        assert!(on_grid(3.0, 4.0), "3 px is a noisy 4 px");
        assert!(!on_grid(2.0, 4.0), "2 px is half a step, not noise");
        assert!(!on_grid(3.0, 2.0) && on_grid(4.0, 2.0));
        assert!(!on_grid(0.0, 4.0) && !on_grid(8.0, 0.0));
    }
}

/// Value sets both inferences are tested on.
#[cfg(test)]
pub(super) mod fixtures {
    /// A 5 px system: every step a multiple of 5, most of them not of 4.
    pub const FIVE_PX_PAGE: [(f64, u64); 6] = [
        (5.0, 3),
        (10.0, 4),
        (15.0, 2),
        (20.0, 3),
        (30.0, 2),
        (40.0, 1),
    ];
    /// A 4 px page with a 5 px inset (Bulma): 5, 20 and 40 on 5 px, 16 and 24 within its ±1 px.
    pub const FOUR_PX_PAGE_WITH_A_5PX_INSET: [(f64, u64); 5] =
        [(5.0, 3), (16.0, 2), (20.0, 4), (24.0, 2), (40.0, 4)];
}
