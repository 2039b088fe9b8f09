//! The pixel grid a screenshot was rendered on, read from its crisp edges.
//!
//! Browsers lay boxes out on whole CSS pixels and snap them to device pixels. At 2× every edge that
//! falls on a whole CSS pixel is at an even image position; at 3× at a multiple of three; at an
//! Android 2.625 at `round(k × 2.625)`. At 1× positions are whatever they are. So the share of
//! crisp edges sitting on a density's lattice, against the share chance would put there, is
//! evidence of that density that any UI carries, whatever its size, hairlines or text.
//!
//! A crisp edge is a step between two flat runs (two equal pixels, a jump, two equal pixels):
//! anti-aliased glyph stems and fractional positions (which blend a pixel) are left out, so the
//! evidence is the layout's own box edges.

use crate::raster::{diff, Raster};

/// How far a step must jump to be an edge (max channel difference).
const STEP: u32 = 24;
/// Every how many rows (columns) the image is scanned: edges are long, so a sample suffices.
const STRIDE: usize = 3;
/// An edge position counts once it is seen on this many sampled rows (columns): a box side, not
/// a glyph.
const MIN_HITS: u32 = 3;

/// Distinct crisp edge positions: x of vertical edges, y of horizontal ones. Layout snaps both
/// axes, so both must sit on a density's lattice: a drawing that repeats along one axis (a row of
/// equal glyphs) does not make a density.
pub struct Edges {
    pub x: Vec<u32>,
    pub y: Vec<u32>,
}

impl Edges {
    pub fn len(&self) -> usize {
        self.x.len() + self.y.len()
    }
    pub fn is_empty(&self) -> bool {
        self.x.is_empty() && self.y.is_empty()
    }
}

/// Finds the crisp edges of a raster. `flat` is how much two pixels of a flat run may differ
/// (compression noise).
pub fn crisp_edges(r: &Raster, flat: u32) -> Edges {
    let (w, h) = (r.width as usize, r.height as usize);
    if w < 8 || h < 8 {
        return Edges {
            x: Vec::new(),
            y: Vec::new(),
        };
    }
    // A step is crisp when it jumps between two flat pairs. Equal pixels are settled first: most
    // of a screenshot is flat, and this scan reads every pixel of a phone shot's sampled lines.
    let crisp = |a: u32, b: u32, c: u32, d: u32| {
        b != c && diff(b, c) > STEP && diff(a, b) <= flat && diff(c, d) <= flat
    };
    // Vertical edges: steps along each sampled row, counted per x.
    let mut by_x = vec![0u32; w];
    for y in (0..h).step_by(STRIDE) {
        let row = &r.px[y * w..(y + 1) * w];
        for x in 2..w - 1 {
            if crisp(row[x - 2], row[x - 1], row[x], row[x + 1]) {
                by_x[x] += 1;
            }
        }
    }
    // Horizontal edges: steps down each sampled column, counted per y. Read row by row (four rows
    // at a time, the sampled columns of each), not column by column: a column walk touches a new
    // cache line at every pixel.
    let mut by_y = vec![0u32; h];
    for (y, hits) in by_y.iter_mut().enumerate().take(h - 1).skip(2) {
        let row = |k: usize| &r.px[k * w..(k + 1) * w];
        let (r0, r1, r2, r3) = (row(y - 2), row(y - 1), row(y), row(y + 1));
        for x in (0..w).step_by(STRIDE) {
            if crisp(r0[x], r1[x], r2[x], r3[x]) {
                *hits += 1;
            }
        }
    }
    let keep = |counts: Vec<u32>| -> Vec<u32> {
        counts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n >= MIN_HITS)
            .map(|(p, _)| p as u32)
            .collect()
    };
    Edges {
        x: keep(by_x),
        y: keep(by_y),
    }
}

/// Whether an image position is where a whole CSS pixel lands at density `d`.
pub fn on_lattice(p: u32, d: f64) -> bool {
    let k = (f64::from(p) / d).round();
    ((k * d).round() - f64::from(p)).abs() < 0.5
}

fn axis_lift(positions: &[u32], d: f64) -> f64 {
    let on = positions.iter().filter(|&&p| on_lattice(p, d)).count();
    let share = on as f64 / positions.len() as f64;
    let chance = 1.0 / d;
    ((share - chance) / (1.0 - chance)).max(0.0)
}

/// How far above chance the edges sit on density `d`'s lattice, on the weaker of the two axes: 0
/// for chance (or fewer than `min_edges` edges along either axis), 1 when every edge does.
pub fn lift(edges: &Edges, d: f64, min_edges: usize) -> f64 {
    if edges.x.len() < min_edges || edges.y.len() < min_edges || d <= 1.0 {
        return 0.0;
    }
    axis_lift(&edges.x, d).min(axis_lift(&edges.y, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white page with grey boxes at the given CSS rectangles, drawn at density `d` with edges
    /// snapped to device pixels as a browser does.
    fn page(d: f64, boxes: &[(u32, u32, u32, u32)]) -> Raster {
        let (w, h) = ((400.0 * d) as u32, (300.0 * d) as u32);
        let mut px = vec![0xFF_FF_FFu32; (w * h) as usize];
        let snap = |v: u32| (f64::from(v) * d).round() as u32;
        for &(x, y, bw, bh) in boxes {
            for yy in snap(y)..snap(y + bh) {
                for xx in snap(x)..snap(x + bw) {
                    px[(yy * w + xx) as usize] = 0x33_66_99;
                }
            }
        }
        Raster::from_pixels(w, h, px)
    }

    fn boxes() -> Vec<(u32, u32, u32, u32)> {
        (0..12)
            .map(|i| (7 + i * 29, 5 + i * 23, 11 + i * 3, 9 + (i * 7) % 13))
            .collect()
    }

    #[test]
    fn lattice_of_android_density() {
        // 412 CSS px at 2.625: every whole CSS pixel lands on round(k × 2.625).
        assert!(on_lattice(0, 2.625) && on_lattice(3, 2.625) && on_lattice(5, 2.625));
        assert!(!on_lattice(4, 2.625) && !on_lattice(1, 2.625));
        assert!(on_lattice(6, 2.0) && !on_lattice(7, 2.0));
    }

    #[test]
    fn edges_of_a_2x_render_sit_on_even_positions() {
        let e = crisp_edges(&page(2.0, &boxes()), 0);
        assert!(e.len() >= 40, "{}", e.len());
        assert!(lift(&e, 2.0, 8) > 0.9);
        assert!(lift(&e, 3.0, 8) < 0.3);
    }

    #[test]
    fn edges_of_a_1x_render_carry_no_lattice() {
        let e = crisp_edges(&page(1.0, &boxes()), 0);
        assert!(lift(&e, 2.0, 8) < 0.4, "{}", lift(&e, 2.0, 8));
        assert!(lift(&e, 3.0, 8) < 0.4, "{}", lift(&e, 3.0, 8));
    }

    #[test]
    fn edges_of_3x_and_2_625x_renders_sit_on_their_lattices() {
        let e3 = crisp_edges(&page(3.0, &boxes()), 0);
        assert!(lift(&e3, 3.0, 8) > 0.9);
        assert!(lift(&e3, 2.0, 8) < 0.4);
        let ea = crisp_edges(&page(2.625, &boxes()), 0);
        assert!(lift(&ea, 2.625, 8) > 0.9);
        assert!(lift(&ea, 2.0, 8) < 0.5 && lift(&ea, 3.0, 8) < 0.5);
    }

    #[test]
    fn glyphs_repeating_along_one_axis_make_no_density() {
        // Regression: a 1× test page of evenly pitched glyph blocks read as 3×.
        let e = Edges {
            x: (0..40).map(|i| 30 + 3 * i).collect(),
            y: vec![33, 45, 56, 71, 89, 100, 113, 127, 140, 151],
        };
        assert!(lift(&e, 3.0, 8) < 0.3, "{}", lift(&e, 3.0, 8));
    }

    #[test]
    fn too_few_edges_say_nothing() {
        let e = crisp_edges(&page(2.0, &[(10, 10, 20, 20)]), 0);
        assert_eq!(lift(&e, 2.0, 8), 0.0);
    }
}
