//! The features of one measured value of one image, exactly as `bench/fit_select.py` computes them
//! (`image_rows`): how often, how surely and in what roles the value was measured, where it sits on
//! the usual grids, what the page as a whole looks like, and what the measurement scorer
//! (`instance.rs`) says of its measurements. Any change here is a change of the model: refit.

use crate::grid::on_multiple;
use crate::model::Measurement;

/// Confidence levels the local engine gives: box to box, across to text, a line centred in a
/// control, along to text beside a box, text to text.
const LEVELS: [f64; 5] = [0.95, 0.7, 0.45, 0.3, 0.2];
/// Contexts the local engine names (measure/src/context.rs), in the fitting scripts' order.
pub(super) const CONTEXTS: [&str; 10] = [
    "button padding",
    "badge padding",
    "card padding",
    "section padding",
    "sidebar padding",
    "grid gutter",
    "section spacing",
    "stack gap",
    "text gap",
    "inline gap",
];
/// Number of features.
pub const COUNT: usize = 37;
/// Index of the page's box-to-box share among the features.
pub const BOX_PAGE: usize = 21;

/// One image's distinct values, each with its measurements' indices and its features.
pub struct ValueRows {
    pub values: Vec<f64>,
    pub members: Vec<Vec<usize>>,
    pub features: Vec<[f64; COUNT]>,
}

/// `rule_kept[i]`: whether the evidence rule kept measurement `i`; `likely[i]`: the measurement
/// scorer's probability for it (`instance::probabilities`).
pub fn rows(measurements: &[Measurement], rule_kept: &[bool], likely: &[f64]) -> ValueRows {
    let mut order: Vec<usize> = (0..measurements.len())
        .filter(|&i| measurements[i].value_px > 0.0)
        .collect();
    order.sort_by(|&a, &b| {
        measurements[a]
            .value_px
            .total_cmp(&measurements[b].value_px)
    });
    let mut values: Vec<f64> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let v = measurements[i].value_px;
        if values.last() == Some(&v) {
            if let Some(m) = members.last_mut() {
                m.push(i);
            }
        } else {
            values.push(v);
            members.push(vec![i]);
        }
    }
    let total = members.iter().map(Vec::len).sum::<usize>().max(1) as f64;
    // The three most measured values (ties: the earlier, smaller value first, as Python's stable sort).
    let mut ranked: Vec<usize> = (0..values.len()).collect();
    ranked.sort_by_key(|&k| std::cmp::Reverse(members[k].len()));
    let top: Vec<usize> = ranked.into_iter().take(3).collect();
    let share_on = |unit: f64| {
        values
            .iter()
            .zip(&members)
            .filter(|(v, _)| on_multiple(**v, unit))
            .map(|(_, m)| m.len())
            .sum::<usize>() as f64
            / total
    };
    let (grid4, grid5) = (share_on(4.0), share_on(5.0));
    let box_page = measurements
        .iter()
        .filter(|m| m.value_px > 0.0 && m.confidence >= 0.9)
        .count() as f64
        / total;
    let n_values = (values.len() as f64).ln_1p();
    let features = values
        .iter()
        .zip(&members)
        .enumerate()
        .map(|(k, (&v, ms))| {
            let confs: Vec<f64> = ms.iter().map(|&i| measurements[i].confidence).collect();
            let n = ms.len() as f64;
            let mut f = [0.0; COUNT];
            f[0] = 1.0;
            f[1] = n.ln_1p();
            f[2] = confs.iter().sum::<f64>().min(20.0) / 5.0;
            f[3] = confs.iter().copied().fold(f64::MIN, f64::max);
            for (j, level) in LEVELS.iter().enumerate() {
                let c = confs.iter().filter(|c| (*c - level).abs() < 0.01).count();
                f[4 + j] = (c as f64).ln_1p();
            }
            f[9] = f64::from(u8::from(on_multiple(v, 4.0)));
            f[10] = f64::from(u8::from(on_multiple(v, 8.0)));
            f[11] = f64::from(u8::from(on_multiple(v, 5.0) && !on_multiple(v, 4.0)));
            f[12] = f64::from(u8::from(on_multiple(v, 2.0) && !on_multiple(v, 4.0)));
            f[13] = v.ln();
            f[14] = f64::from(u8::from(v < 3.5));
            f[15] = f64::from(u8::from(v > 64.5));
            f[16] = n / total;
            f[17] = f64::from(u8::from(top.contains(&k)));
            f[18] = grid4;
            f[19] = grid5;
            let rule = ms.iter().filter(|&&i| rule_kept[i]).count() > 0;
            f[20] = f64::from(u8::from(rule));
            f[BOX_PAGE] = box_page;
            f[22] = f[20] * box_page;
            f[23] = n_values;
            for (j, c) in CONTEXTS.iter().enumerate() {
                let hits = ms
                    .iter()
                    .filter(|&&i| measurements[i].context.as_deref() == Some(c))
                    .count();
                f[24 + j] = (hits as f64).ln_1p();
            }
            // What the measurement scorer says of the value's measurements: the best, the sum
            // and the mean.
            let p: Vec<f64> = ms.iter().map(|&i| likely[i]).collect();
            f[34] = p.iter().copied().fold(f64::MIN, f64::max);
            let sum: f64 = p.iter().sum();
            f[35] = sum.ln_1p();
            f[36] = sum / n;
            f
        })
        .collect();
    ValueRows {
        values,
        members,
        features,
    }
}
