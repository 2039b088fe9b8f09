//! Where the two judges meet: on a page measured largely box to box, the evidence rule decides
//! among the values the value scorer also keeps.

use super::selection::{Selection, Verdict};
use crate::model::Measurement;

/// Spreads a per-value verdict over the value's measurements.
pub(super) fn per_measurement(members: &[Vec<usize>], per_value: &[bool], n: usize) -> Vec<bool> {
    let mut at = vec![false; n];
    for (ms, &k) in members.iter().zip(per_value) {
        for &i in ms {
            at[i] = k;
        }
    }
    at
}

/// On a page measured largely box to box the evidence rule decides, over the values the scorer
/// also finds likely (`likely`, per measurement): the two judges must agree. The rule alone kept
/// whatever its grid explains, accidents included (a table's column gaps); on the development
/// corpus agreement beat the rule alone on every source but two 5 px ones, which the scorer,
/// fitted on 4 px sources, undervalues: UIkit (-0.018 F1) and Pico (-0.001).
///
/// A value the scorer is sure of (`strong`, per measurement) is kept even where the rule is not:
/// the rule weighs only measurements at least 0.35 sure, so every distance to text (0.2 and 0.3)
/// is outside it, and on real pages 60–70 % of the spacing ends at text. It keeps its measured
/// value. (See `STRONG` in `select/mod.rs` and bench/README.md, stop 33.)
pub(super) fn agreed_with_rule(
    mut rule: Selection,
    measurements: &[Measurement],
    likely: &[bool],
    strong: &[bool],
) -> Selection {
    // `kept` holds the rule's kept measurements in input order, their values snapped to its grid.
    let mut ruled = std::mem::take(&mut rule.kept).into_iter();
    for (i, v) in rule.verdicts.iter_mut().enumerate() {
        if *v == Verdict::Kept {
            let m = ruled.next().expect("one kept measurement per kept verdict");
            if likely[i] || strong[i] {
                rule.kept.push(m);
            } else {
                // The rule had it; the scorer found the value unlikely.
                *v = Verdict::TooRare;
            }
        } else if strong[i] {
            rule.kept.push(measurements[i].clone());
            *v = Verdict::Kept;
        }
    }
    rule
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::tests::m;

    #[test]
    fn a_value_the_rule_keeps_and_the_scorer_finds_unlikely_is_left_out() {
        // Regression: on pages measured largely box to box the rule decided alone, and kept what
        // its grid explained, a table's column gaps included.
        let ms = [m(16.0, 0.95), m(44.0, 0.95), m(24.0, 0.3)];
        let rule = Selection {
            kept: vec![ms[0].clone(), ms[1].clone()],
            verdicts: vec![Verdict::Kept, Verdict::Kept, Verdict::Unsure],
            base_unit: 4.0,
            lenient: false,
        };
        let s = agreed_with_rule(rule, &ms, &[true, false, true], &[false; 3]);
        assert_eq!(s.kept.len(), 1);
        assert_eq!(s.kept[0].value_px, 16.0);
        assert_eq!(
            s.verdicts,
            vec![Verdict::Kept, Verdict::TooRare, Verdict::Unsure]
        );
    }

    #[test]
    fn a_text_distance_the_scorer_is_sure_of_stands_whatever_the_rule_says() {
        // Regression (stop 33): the rule weighs only measurements at least 0.35 sure, so on a box
        // page every distance to text was the rule's to drop, a button's 12 px padding to its
        // label with it, however sure the scorer was of the value.
        let ms = [m(16.0, 0.95), m(12.0, 0.3), m(13.0, 0.3)];
        let rule = Selection {
            kept: vec![ms[0].clone()],
            verdicts: vec![Verdict::Kept, Verdict::Unsure, Verdict::Unsure],
            base_unit: 4.0,
            lenient: false,
        };
        // The scorer finds 12 and 13 likely, and is sure of 12 only.
        let s = agreed_with_rule(rule, &ms, &[true, true, true], &[false, true, false]);
        let kept: Vec<f64> = s.kept.iter().map(|m| m.value_px).collect();
        assert_eq!(kept, vec![16.0, 12.0]);
        assert_eq!(
            s.verdicts,
            vec![Verdict::Kept, Verdict::Kept, Verdict::Unsure]
        );
    }
}
