//! The selection rule's grid vote: the largest candidate that explains a clear majority of the
//! confidence, centred on its steps and well above chance.

use super::{
    explained_share, grid_tolerance, on_multiple, BaseUnit, CANDIDATES, MAX_VOTING_PX,
    MIN_VOTING_PX,
};

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

/// Share of integers a unit explains by chance.
fn chance(unit: u32) -> f64 {
    // Over integer values: a half-pixel tolerance admits only the multiple itself.
    let tol = grid_tolerance(f64::from(unit)).floor() as u32;
    f64::from((2 * tol + 1).min(unit)) / f64::from(unit)
}

/// A grid must hit at least this share of the best grid's exact hits.
const EXACT_SHARE: f64 = 0.75;

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

/// The largest grid that explains nine tenths of the weight (confidence summed per distinct value),
/// with the fallbacks to 4 px below. Values under 3 px or over 96 px are ignored.
pub(crate) fn infer_by_coverage(values: &[(f64, u64)]) -> BaseUnit {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_8px_page_with_weak_stray_4_and_28px_values_stays_8px() {
        // Regression (synthetic 8 px pages): a few weak values on the 4 px grid only must not
        // move the rule's grid, or the rule keeps them as steps.
        let votes = [
            (4.0, 1_400_000),
            (8.0, 8_900_000),
            (16.0, 15_250_000),
            (21.0, 950_000),
            (24.0, 3_550_000),
            (28.0, 1_650_000),
            (32.0, 9_650_000),
            (40.0, 950_000),
        ];
        assert_eq!(infer_by_coverage(&votes).unit, 8.0);
    }

    #[test]
    fn a_5px_page_is_5px_and_a_4px_page_with_a_5px_inset_is_4px() {
        use crate::grid::fixtures::{FIVE_PX_PAGE, FOUR_PX_PAGE_WITH_A_5PX_INSET};
        assert_eq!(infer_by_coverage(&FIVE_PX_PAGE).unit, 5.0);
        assert_eq!(infer_by_coverage(&FOUR_PX_PAGE_WITH_A_5PX_INSET).unit, 4.0);
    }
}
