//! Half steps of the grid (6 and 10 px beside a 4 px grid) in the evidence rule's selection: kept
//! when seen exactly and often, left off the grid when seen less, never under 4 px.

use copy_that_spacing::{
    select_with_reasons, BBox, Measurement, SelectOptions, SpacingType, Verdict,
};

/// The `i`th padding of a page at 1x: box to box, across a 48 px tall row, each at its own place
/// (the selection's measurement scorer reads where and how long across a distance was measured).
fn m(i: usize, v: f64) -> Measurement {
    let at = u32::try_from(i).expect("few");
    Measurement::new(v, 0.95, SpacingType::Padding)
        .expect("valid")
        .with_bbox(BBox {
            x: 40 * (at % 8),
            y: 60 * (at / 8),
            w: v as u32,
            h: 48,
        })
}

/// A page measured box to box (so the evidence rule decides) on a 4 px grid, plus `n` times
/// `extra`: the extra measurements' verdicts, and the values kept.
fn select(extra: f64, n: usize) -> (Vec<Verdict>, Vec<f64>) {
    let mut ms = Vec::new();
    for _ in 0..6 {
        for v in [4.0, 8.0, 16.0, 24.0] {
            ms.push(m(ms.len(), v));
        }
    }
    for _ in 0..n {
        ms.push(m(ms.len(), extra));
    }
    let s = select_with_reasons(&ms, &SelectOptions::default());
    assert_eq!(s.base_unit, 4.0);
    let kept = s.kept.iter().map(|k| k.value_px).collect();
    (s.verdicts[24..].to_vec(), kept)
}

#[test]
fn a_10px_half_step_seen_three_times_box_to_box_is_kept_as_10() {
    let (verdicts, kept) = select(10.0, 3);
    assert!(verdicts.iter().all(|v| *v == Verdict::Kept), "{verdicts:?}");
    assert_eq!(kept.iter().filter(|&&v| v == 10.0).count(), 3, "{kept:?}");
}

#[test]
fn a_6px_half_step_seen_twice_is_still_off_the_grid() {
    // Twice at 0.95 is enough for a value on the grid, not for one between its steps.
    let (verdicts, _) = select(6.0, 2);
    assert!(
        verdicts.iter().all(|v| *v == Verdict::OffGrid),
        "{verdicts:?}"
    );
}

#[test]
fn a_2px_gap_is_no_half_step_however_often_it_is_seen() {
    let (verdicts, _) = select(2.0, 8);
    assert!(verdicts.iter().all(|v| *v != Verdict::Kept), "{verdicts:?}");
}
