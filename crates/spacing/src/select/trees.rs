//! Boosted decision trees as `bench/fit_select.py` writes them (`model.rs`, `instance_model.rs`):
//! the one walk both scorers share.

/// A node of a scoring tree: go left when `feature <= threshold`, the feature taken as `f32` as
/// scikit-learn takes it (a value just above a threshold that rounds onto it in `f32` goes left
/// there); a leaf (feature `LEAF`) adds its value.
pub struct Node {
    pub feature: usize,
    pub threshold: f64,
    pub left: usize,
    pub right: usize,
    pub value: f64,
}

/// Marks a leaf.
pub const LEAF: usize = usize::MAX;

/// A fitted scorer: its prior log-odds, its rate, where each tree starts and every node.
pub struct Forest {
    pub base: f64,
    pub rate: f64,
    pub roots: &'static [usize],
    pub nodes: &'static [Node],
}

impl Forest {
    /// The probability the trees give the feature row `f`: sigmoid(base + rate × the sum of the
    /// leaf each tree reaches).
    pub fn score(&self, f: &[f64]) -> f64 {
        let leaves: f64 = self
            .roots
            .iter()
            .map(|&root| {
                let mut node = &self.nodes[root];
                while node.feature != LEAF {
                    let next = if f64::from(f[node.feature] as f32) <= node.threshold {
                        node.left
                    } else {
                        node.right
                    };
                    node = &self.nodes[next];
                }
                node.value
            })
            .sum();
        let z = self.base + self.rate * leaves;
        1.0 / (1.0 + (-z).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_that_rounds_onto_a_threshold_in_f32_goes_left_as_in_sklearn() {
        // Regression: the fitting script's check failed on a row whose feature lay just above a
        // threshold in f64 but on it in f32, the precision scikit-learn walks its trees in.
        let t = f64::from(0.1f32);
        static ROOTS: [usize; 1] = [0];
        let nodes: &'static [Node] = Box::leak(Box::new([
            Node {
                feature: 0,
                threshold: t,
                left: 1,
                right: 2,
                value: 0.0,
            },
            Node {
                feature: LEAF,
                threshold: 0.0,
                left: 0,
                right: 0,
                value: -1.0,
            },
            Node {
                feature: LEAF,
                threshold: 0.0,
                left: 0,
                right: 0,
                value: 1.0,
            },
        ]));
        let forest = Forest {
            base: 0.0,
            rate: 1.0,
            roots: &ROOTS,
            nodes,
        };
        let above = t + t * 1e-12;
        assert!(above > t && f64::from(above as f32) == t);
        assert!(forest.score(&[above]) < 0.5, "went right");
        assert!(
            forest.score(&[t * 1.01]) > 0.5,
            "a value clearly above goes right"
        );
    }
}
