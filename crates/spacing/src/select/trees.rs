//! Boosted decision trees as `bench/fit_select.py` writes them (`model.rs`, `instance_model.rs`):
//! the one walk both scorers share.

/// A node of a scoring tree: go left when `feature <= threshold`; a leaf (feature `LEAF`) adds its
/// value.
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
                    let next = if f[node.feature] <= node.threshold {
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
