//! Where the two judges meet: on a page measured largely box to box, the evidence rule decides
//! among the values the value scorer also keeps.

use super::selection::{Selection, Verdict};

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
/// fitted on 4 px sources, undervalues: UIkit (-0.018 F1) and Pico (-0.001). Where they share no
/// value the caller lets the scorer decide.
pub(super) fn agreed_with_rule(mut rule: Selection, likely: &[bool]) -> Selection {
    // `kept` holds the rule's kept measurements in input order, their values snapped to its grid.
    let mut kept = std::mem::take(&mut rule.kept).into_iter();
    for (v, &k) in rule.verdicts.iter_mut().zip(likely) {
        if *v != Verdict::Kept {
            continue;
        }
        let m = kept.next().expect("one kept measurement per kept verdict");
        if k {
            rule.kept.push(m);
        } else {
            // The rule had it; the scorer found the value unlikely.
            *v = Verdict::TooRare;
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
        let s = agreed_with_rule(rule, &[true, false, true]);
        assert_eq!(s.kept.len(), 1);
        assert_eq!(s.kept[0].value_px, 16.0);
        assert_eq!(
            s.verdicts,
            vec![Verdict::Kept, Verdict::TooRare, Verdict::Unsure]
        );
    }
}
