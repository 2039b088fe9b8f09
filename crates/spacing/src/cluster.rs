//! Grouping distinct values into tokens (mode-seeking), then inferring the base unit from them.

use crate::grid::{BaseUnit, Inference};

/// A distinct measured value with how often it occurs and its total (integer) confidence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bin {
    pub value: f64,
    pub count: u64,
    pub weight: u64,
    /// Confidence of the measurements sure enough to vote on the base unit.
    pub vote: u64,
}

pub(crate) struct Clustering {
    pub base: BaseUnit,
    /// Cluster index of each input bin.
    pub cluster_of_bin: Vec<u32>,
    /// Each cluster's value, ascending.
    pub values: Vec<f64>,
    /// How many measurements each cluster holds.
    pub counts: Vec<u64>,
}

/// Measurement noise: edges found by anti-aliased pixels are off by up to one pixel.
const NOISE_PX: f64 = 1.0;

/// Whether two values are close enough to be one token: within `threshold` of the smaller, or within
/// the ±1 px of measurement noise where the threshold is less than a pixel (3, 4 and 5 px are one
/// 4 px spacing; 2 and 4 px stay two steps). Zero only joins zero: touching is not noise.
pub(crate) fn close(a: f64, b: f64, threshold: f64) -> bool {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    if lo <= 0.0 {
        return hi <= 0.0;
    }
    hi - lo <= (lo * threshold).max(NOISE_PX) + 1e-9
}

/// Clusters bins (sorted by value): the heaviest value becomes a token and takes every contiguous
/// value close to it, and so on with the heaviest value left. Every member is close to its token's
/// value, and no two token values are close to each other, so clustering the output again changes
/// nothing. "Heaviest" is measured on the noise-smoothed density, so the token's value is the centre
/// of its noisy measurements: the designed value.
#[allow(clippy::type_complexity)]
fn cluster_with(
    bins: &[Bin],
    threshold: f64,
) -> (Vec<u32>, Vec<f64>, Vec<u64>, Vec<u64>, Vec<u64>) {
    let density = smoothed(bins);
    let mut order: Vec<usize> = (0..bins.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        let (x, y) = (&bins[a], &bins[b]);
        density[b]
            .cmp(&density[a])
            .then(y.weight.cmp(&x.weight))
            .then(y.count.cmp(&x.count))
            .then(x.value.total_cmp(&y.value))
    });
    const FREE: u32 = u32::MAX;
    let mut owner = vec![FREE; bins.len()];
    let mut modes: Vec<usize> = Vec::new();
    for &i in &order {
        if owner[i] != FREE {
            continue;
        }
        let id = modes.len() as u32;
        modes.push(i);
        owner[i] = id;
        let centre = bins[i].value;
        let mut j = i;
        while j > 0 && owner[j - 1] == FREE && close(bins[j - 1].value, centre, threshold) {
            j -= 1;
            owner[j] = id;
        }
        let mut j = i + 1;
        while j < bins.len() && owner[j] == FREE && close(bins[j].value, centre, threshold) {
            owner[j] = id;
            j += 1;
        }
    }
    // Renumber clusters by value so tokens come out ascending.
    let mut by_value: Vec<usize> = (0..modes.len()).collect();
    by_value.sort_unstable_by(|&a, &b| bins[modes[a]].value.total_cmp(&bins[modes[b]].value));
    let mut rank = vec![0u32; modes.len()];
    for (r, &c) in by_value.iter().enumerate() {
        rank[c] = r as u32;
    }
    let values: Vec<f64> = by_value.iter().map(|&c| bins[modes[c]].value).collect();
    let mut counts = vec![0u64; modes.len()];
    let mut weights = vec![0u64; modes.len()];
    let mut votes = vec![0u64; modes.len()];
    let cluster_of_bin: Vec<u32> = owner
        .iter()
        .zip(bins)
        .map(|(&o, b)| {
            let c = rank[o as usize];
            counts[c as usize] += b.count;
            weights[c as usize] += b.weight;
            votes[c as usize] += b.vote;
            c
        })
        .collect();
    (cluster_of_bin, values, counts, weights, votes)
}

/// Weight of each bin plus its neighbours within the ±1 px of noise, tapering with distance: with
/// 15, 16 and 17 px measured equally often, 16 is the centre. Integer arithmetic (weights times
/// 8 minus the distance in quarter pixels) keeps it exact and order-independent.
fn smoothed(bins: &[Bin]) -> Vec<u64> {
    let mut out = Vec::with_capacity(bins.len());
    let mut lo = 0;
    for b in bins {
        while bins[lo].value < b.value - NOISE_PX {
            lo += 1;
        }
        let mut s = 0u64;
        for n in &bins[lo..] {
            if n.value > b.value + NOISE_PX {
                break;
            }
            let quarters = ((n.value - b.value).abs() * 4.0).round() as u64;
            s += n.weight * (8 - quarters.min(4));
        }
        out.push(s);
    }
    out
}

/// Clusters the bins, then infers the base unit (with `inference`) from the token values weighted
/// by their summed confidence: noise is gone by then, so the grid shows more clearly than in the
/// raw measurements.
/// Tokens with less evidence than `min_evidence` (millionths) do not vote, and each votes with the
/// confidence of its measurements that were sure enough to vote.
pub(crate) fn cluster(
    bins: &[Bin],
    threshold: f64,
    min_evidence: u64,
    inference: Inference,
) -> Clustering {
    let (cluster_of_bin, values, counts, weights, votes) = cluster_with(bins, threshold);
    let voters: Vec<(f64, u64)> = values
        .iter()
        .zip(weights.iter().zip(&votes))
        .filter(|(_, (&w, _))| w >= min_evidence)
        .map(|(&v, (_, &vote))| (v, vote))
        .collect();
    Clustering {
        base: inference.infer(&voters),
        cluster_of_bin,
        values,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bins(v: &[(f64, u64)]) -> Vec<Bin> {
        v.iter()
            .map(|&(value, count)| Bin {
                value,
                count,
                weight: count,
                vote: count,
            })
            .collect()
    }

    #[test]
    fn the_most_frequent_value_represents_its_neighbours() {
        let c = cluster(
            &bins(&[(96.0, 1), (100.0, 5), (104.0, 1), (120.0, 4)]),
            0.1,
            0,
            Inference::Likelihood,
        );
        assert_eq!(c.values, [100.0, 120.0]);
        assert_eq!(c.cluster_of_bin, [0, 0, 0, 1]);
    }

    #[test]
    fn token_values_are_never_within_the_threshold_of_each_other() {
        let c = cluster(
            &bins(&[(100.0, 5), (108.0, 1), (116.0, 5)]),
            0.1,
            0,
            Inference::Likelihood,
        );
        for w in c.values.windows(2) {
            assert!(!close(w[0], w[1], 0.1), "{:?}", c.values);
        }
    }

    #[test]
    fn one_px_noise_merges_but_two_px_steps_do_not() {
        let c = cluster(
            &bins(&[(3.0, 2), (4.0, 9), (5.0, 1), (8.0, 4)]),
            0.1,
            0,
            Inference::Likelihood,
        );
        assert_eq!(c.values, [4.0, 8.0]);
        let c = cluster(
            &bins(&[(2.0, 3), (4.0, 3), (6.0, 3)]),
            0.1,
            0,
            Inference::Likelihood,
        );
        assert_eq!(c.values, [2.0, 4.0, 6.0]);
    }

    #[test]
    fn zero_only_joins_zero() {
        let c = cluster(
            &bins(&[(0.0, 3), (0.25, 1), (4.0, 2)]),
            0.1,
            0,
            Inference::Likelihood,
        );
        assert_eq!(c.values, [0.0, 0.25, 4.0]);
    }
}
