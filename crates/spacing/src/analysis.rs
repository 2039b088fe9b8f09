//! Properties that only make sense over a whole set of values: base unit, scale rank, rhythm.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::model::{ResponsiveScales, Rhythm, SpacingScale};

/// Base units design systems use, largest first: the largest one that explains the set wins. Sets
/// built only of 16s or 12s are still on an 8 or 4 px grid: designers name those grids, not 16.
/// 2 and 3 px are not candidates: a page whose steps include 6 or 10 px beside 4, 8, 16 (Bootstrap's
/// button and card paddings) is a 4 px system with half steps, and a designer reads "base unit
/// 2 px" as broken.
const CANDIDATES: [u32; 4] = [8, 6, 5, 4];
/// Share of the weight 4 px must explain to be the base of a set no unit explains cleanly: the
/// convention wins over an exotic grid unless that grid did clearly better.
const CONVENTION_SHARE: f64 = 0.5;
/// Share of the weight a unit must explain to be "a clear majority": high, because a step that is
/// genuinely used (4 px in {4, 8, 16, 24}) rules out the larger unit.
const MAJORITY: f64 = 0.9;
/// How far above chance a unit must explain the set: with ±1 px tolerance a 4 px grid explains
/// three quarters of random integers, so plain coverage is not evidence.
const MIN_LIFT: f64 = 0.5;
/// Fewer distinct values than this is thin evidence: fall back to the 4 px convention.
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
fn explained_share(values: &[(f64, u64)], unit: u32) -> (f64, bool, f64) {
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

/// Share of integers a unit explains by chance.
fn chance(unit: u32) -> f64 {
    // Over integer values: a half-pixel tolerance admits only the multiple itself.
    let tol = grid_tolerance(f64::from(unit)).floor() as u32;
    f64::from((2 * tol + 1).min(unit)) / f64::from(unit)
}

/// A grid must hit at least this share of the best grid's exact hits.
const EXACT_SHARE: f64 = 0.75;

/// Values under this are hairlines, borders and rendering offsets, not layout: they do not vote.
const MIN_VOTING_PX: f64 = 3.0;
/// Values over this are page-level distances (columns, centred content) that ±1 px puts on almost
/// any grid: they do not vote either.
const MAX_VOTING_PX: f64 = 96.0;

/// Whether `value` is a multiple of `unit` (at least one) to the half pixel.
pub(crate) fn on_multiple(value: f64, unit: f64) -> bool {
    (value - nearest_multiple(value, unit)).abs() < 0.5
}

/// Whether the values only `unit` hits exactly outweigh those only 4 px hits exactly. 5 px is
/// exotic beside 4 px and wins only on strong evidence: on a 4 px page, its ±1 px takes 4, 6, 9,
/// 11, 16 and 24, and the steps both grids share (20, 40) say nothing, so the steps that tell
/// them apart decide. (Asked of 6 px too, it turned a synthetic 6 px page whose 6 px steps were
/// not measured into 4 px; 6 px's ±1 px takes fewer 4 px steps, so it is left to the lift test.)
fn beats_4_on_its_own_steps(values: &[(f64, u64)], unit: u32) -> bool {
    let (mut own, mut fours) = (0u64, 0u64);
    for &(v, w) in values {
        match (on_multiple(v, f64::from(unit)), on_multiple(v, 4.0)) {
            (true, false) => own += w,
            (false, true) => fours += w,
            _ => {}
        }
    }
    own > fours
}

/// Infers the base unit from distinct values and how often each occurs. Values under 3 px or over
/// 96 px are ignored.
pub fn infer_base_unit(values: &[(f64, u64)]) -> BaseUnit {
    let values: Vec<(f64, u64)> = values
        .iter()
        .copied()
        .filter(|&(v, w)| (MIN_VOTING_PX..=MAX_VOTING_PX).contains(&v) && w > 0)
        .collect();
    let distinct = values.len();
    if distinct == 0 {
        return BaseUnit {
            unit: 4.0,
            confidence: 0.0,
            explained: 0.0,
        };
    }
    let with_exact: Vec<(u32, f64, f64, f64)> = CANDIDATES
        .iter()
        .map(|&b| {
            let (f, centred, exact) = explained_share(&values, b);
            let c = chance(b);
            let lift = if centred {
                ((f - c) / (1.0 - c)).max(0.0)
            } else {
                0.0
            };
            (b, f, lift, exact)
        })
        .collect();
    // ±1 px lets a coarse grid explain values that sit exactly on a finer one (4, 9, 16, 24 all
    // pass for 5 px). Among the grids that explain the set, the chosen one must also hit a fair
    // share of it exactly, compared with the best such grid.
    let best_exact = with_exact
        .iter()
        .filter(|s| s.1 >= MAJORITY && s.2 >= MIN_LIFT)
        .map(|s| s.3)
        .fold(0.0, f64::max);
    let scored: Vec<(u32, f64, f64)> = with_exact
        .iter()
        .map(|&(b, f, lift, exact)| {
            let exotic = b == 5 && !beats_4_on_its_own_steps(&values, b);
            let fair = exact >= EXACT_SHARE * best_exact && !exotic;
            (b, f, if fair { lift } else { lift.min(MIN_LIFT * 0.5) })
        })
        .collect();
    // Evidence grows with the number of distinct values: one value fits many grids.
    let evidence = 1.0 - (-(distinct as f64) / 3.0).exp();

    // Two values fit an 8 px grid by chance half the time on a 4 px system: too little to leave
    // the most common convention. (8 px is no fallback: whatever sits within a pixel of 8 px's
    // grid sits within a pixel of 4 px's too.)
    if distinct < THIN_EVIDENCE {
        if let Some(&(b, f, _)) = scored.iter().find(|s| s.0 == 4 && s.1 >= MAJORITY) {
            return BaseUnit {
                unit: f64::from(b),
                confidence: (0.5 * f * evidence).min(1.0),
                explained: f,
            };
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
    // No unit explains a clear majority: the set is off-grid, or a 4 px system with half steps.
    // Report 4 px when it explains a fair share, else the best-lifting unit; unsure either way.
    let best = scored
        .iter()
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .unwrap_or(&(4, 0.0, 0.0));
    let &(b, f, lift) = scored
        .iter()
        .find(|s| s.0 == 4 && s.1 >= CONVENTION_SHARE && s.1 + 0.2 >= best.1)
        .unwrap_or(best);
    BaseUnit {
        unit: f64::from(b),
        confidence: (0.3 * lift * evidence).clamp(0.0, 1.0),
        explained: f,
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

    fn weights(values: &[(f64, u64)]) -> BaseUnit {
        infer_base_unit(values)
    }

    #[test]
    fn four_px_system_with_steps_off_the_8_grid_is_base_4() {
        let b = weights(&[
            (4.0, 5),
            (8.0, 9),
            (12.0, 4),
            (16.0, 10),
            (24.0, 6),
            (32.0, 3),
        ]);
        assert_eq!(b.unit, 4.0);
        assert!(b.confidence > 0.8, "{b:?}");
    }

    #[test]
    fn a_coarse_grid_that_fits_only_within_a_pixel_loses_to_exact_hits() {
        // Every value is within 1 px of a multiple of 5, but 4, 16, 20 and 24 sit exactly on 4.
        let b = weights(&[
            (4.0, 7),
            (9.0, 11),
            (16.0, 10),
            (20.0, 27),
            (24.0, 5),
            (71.0, 2),
        ]);
        assert_eq!(b.unit, 4.0, "{b:?}");
        let b = weights(&[
            (4.0, 4),
            (9.0, 3),
            (20.0, 2),
            (24.0, 8),
            (34.0, 1),
            (40.0, 8),
        ]);
        assert_eq!(b.unit, 4.0, "{b:?}");
    }

    #[test]
    fn eight_px_system_is_base_8_not_4() {
        let b = weights(&[(8.0, 5), (16.0, 9), (24.0, 4), (32.0, 10), (48.0, 3)]);
        assert_eq!(b.unit, 8.0);
    }

    #[test]
    fn five_px_system_is_base_5() {
        let b = weights(&[
            (5.0, 3),
            (10.0, 8),
            (15.0, 6),
            (20.0, 5),
            (30.0, 2),
            (40.0, 1),
        ]);
        assert_eq!(b.unit, 5.0);
    }

    #[test]
    fn a_4px_page_with_a_5px_inset_is_base_4_not_5() {
        // Regression (Bulma pages): 5, 20 and 40 sit on 5 px exactly and 16, 24 within its ±1 px,
        // so 5 px explained the page; 4 px hits two steps exactly that 5 px does not.
        let b = weights(&[(5.0, 3), (16.0, 2), (20.0, 4), (24.0, 2), (40.0, 4)]);
        assert_eq!(b.unit, 4.0);
        let five = weights(&[
            (5.0, 3),
            (10.0, 4),
            (15.0, 2),
            (20.0, 3),
            (30.0, 2),
            (40.0, 1),
        ]);
        assert_eq!(five.unit, 5.0);
    }

    #[test]
    fn a_4px_system_with_6_and_10_px_steps_is_base_4_not_2() {
        // Regression: Bootstrap pages (4, 8, 16 spacers; 6 and 10 px button and badge paddings)
        // were given base 2, which a designer reads as broken.
        let b = weights(&[
            (4.0, 6),
            (6.0, 4),
            (8.0, 9),
            (10.0, 3),
            (12.0, 8),
            (16.0, 7),
            (20.0, 4),
        ]);
        assert_eq!(b.unit, 4.0, "{b:?}");
        assert!(b.confidence < 0.5, "{b:?}");
    }

    #[test]
    fn never_2_or_3_even_for_a_set_of_odd_multiples() {
        let b = weights(&[(2.0, 3), (4.0, 5), (6.0, 4), (10.0, 2), (14.0, 2)]);
        assert!(b.unit >= 4.0, "{b:?}");
        let b = weights(&[(3.0, 3), (6.0, 5), (9.0, 4), (15.0, 2), (21.0, 2)]);
        assert!(b.unit >= 4.0, "{b:?}");
        assert!(b.confidence < 0.5, "{b:?}");
    }

    #[test]
    fn a_few_outliers_do_not_move_the_base() {
        let b = weights(&[
            (8.0, 20),
            (16.0, 30),
            (24.0, 20),
            (32.0, 10),
            (13.0, 1),
            (37.0, 1),
        ]);
        assert_eq!(b.unit, 8.0);
    }

    #[test]
    fn thin_evidence_falls_back_to_conventions() {
        // One value of 16 fits a 16 px grid perfectly, but one value is no evidence of a 16 px
        // system, nor of an 8 px one: 4 px is the convention (Tailwind, Bootstrap, Material's
        // 4 dp). Trying 4 before 8 here lifted base-unit accuracy on HyperUI from 0.84 to 0.93 and
        // on Bulma from 0.78 to 0.86, and left the synthetic corpus (a third of it 8 px) at 0.92.
        let b = weights(&[(16.0, 4)]);
        assert_eq!(b.unit, 4.0);
        assert_eq!(weights(&[(8.0, 3), (24.0, 2)]).unit, 4.0);
        assert!(b.confidence < 0.5);
        assert_eq!(weights(&[(12.0, 1), (20.0, 1)]).unit, 4.0);
    }

    #[test]
    fn nothing_to_infer_from_reports_zero_confidence() {
        assert_eq!(weights(&[]).confidence, 0.0);
        assert_eq!(weights(&[(0.0, 10), (0.5, 3)]).confidence, 0.0);
    }

    #[test]
    fn off_grid_sets_are_reported_with_low_confidence() {
        let b = weights(&[
            (7.0, 1),
            (11.0, 1),
            (13.0, 1),
            (17.0, 1),
            (19.0, 1),
            (23.0, 1),
            (29.0, 1),
        ]);
        assert!(b.confidence < 0.5, "{b:?}");
    }

    #[test]
    fn grid_tolerance_is_one_px_from_4_px_up_and_exact_below() {
        assert!(on_grid(15.0, 4.0) && on_grid(17.0, 4.0) && !on_grid(18.0, 4.0));
        assert!(on_grid(3.0, 4.0), "3 px is a noisy 4 px");
        assert!(!on_grid(2.0, 4.0), "2 px is half a step, not noise");
        assert!(!on_grid(3.0, 2.0) && on_grid(4.0, 2.0));
        assert!(!on_grid(0.0, 4.0) && !on_grid(8.0, 0.0));
    }

    fn names(values: &[f64]) -> Vec<String> {
        assign_scale(values).into_iter().map(|(_, n)| n).collect()
    }

    #[test]
    fn scale_ranks_anchor_md_at_the_step_nearest_16() {
        assert_eq!(
            names(&[4.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0]),
            ["2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"]
        );
        assert_eq!(
            names(&[8.0, 16.0, 24.0, 32.0, 48.0]),
            ["sm", "md", "lg", "xl", "2xl"]
        );
        assert_eq!(
            names(&[5.0, 10.0, 15.0, 20.0, 30.0]),
            ["xs", "sm", "md", "lg", "xl"]
        );
    }

    #[test]
    fn scale_names_extend_past_the_ends_and_zero_is_none() {
        let v = [
            0.0, 1.0, 2.0, 4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 32.0, 40.0, 48.0, 64.0, 96.0,
        ];
        let s = assign_scale(&v);
        let n: Vec<&str> = s.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            n,
            [
                "none", "4xs", "3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl",
                "5xl", "6xl"
            ]
        );
        assert_eq!(s[0].0, SpacingScale::None);
        assert_eq!(s[1].0, SpacingScale::Xxs, "clamped to the tightest step");
        assert_eq!(s[13].0, SpacingScale::Xxxl, "clamped to the widest step");
    }

    #[test]
    fn rhythm_thresholds() {
        assert_eq!(rhythm(0.95), Rhythm::Consistent);
        assert_eq!(rhythm(0.7), Rhythm::Mixed);
        assert_eq!(rhythm(0.2), Rhythm::Irregular);
    }

    #[test]
    fn responsive_values_snap_to_the_grid_and_never_vanish() {
        let r = responsive(16.0, 4.0);
        assert_eq!(
            (r.mobile, r.tablet, r.desktop, r.widescreen),
            (12.0, 16.0, 16.0, 20.0)
        );
        let small = responsive(4.0, 4.0);
        assert_eq!(small.mobile, 4.0, "never below one base unit");
        assert!(r.rule.contains("4 px grid"));
        assert_eq!(responsive(0.0, 4.0).mobile, 0.0);
    }

    #[test]
    fn fmt_px_drops_trailing_zeros() {
        assert_eq!(fmt_px(16.0), "16");
        assert_eq!(fmt_px(2.5), "2.5");
    }
}
