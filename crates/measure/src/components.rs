//! Connected components of the pixels that differ from a region's background, found run by run.

use crate::raster::{diff, Raster};

/// A half-open rectangle in image pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rect {
    pub x0: u32,
    pub y0: u32,
    pub x1: u32,
    pub y1: u32,
}

impl Rect {
    /// The whole of an image.
    pub fn covering(r: &Raster) -> Rect {
        Rect {
            x0: 0,
            y0: 0,
            x1: r.width,
            y1: r.height,
        }
    }
    pub fn w(&self) -> u32 {
        self.x1 - self.x0
    }
    pub fn h(&self) -> u32 {
        self.y1 - self.y0
    }
    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }
    /// Length of the overlap of the two vertical extents.
    pub fn v_overlap(&self, o: &Rect) -> u32 {
        self.y1.min(o.y1).saturating_sub(self.y0.max(o.y0))
    }
    pub fn h_overlap(&self, o: &Rect) -> u32 {
        self.x1.min(o.x1).saturating_sub(self.x0.max(o.x0))
    }
    pub fn is_empty(&self) -> bool {
        self.x1 <= self.x0 || self.y1 <= self.y0
    }
    /// Strict overlap: sharing an edge is not overlapping.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && self.x1 > o.x0 && self.y0 < o.y1 && self.y1 > o.y0
    }
}

/// A horizontal run of foreground pixels on one row.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub y: u32,
    pub x0: u32,
    pub x1: u32,
}

pub struct Component {
    pub bbox: Rect,
    pub pixels: u32,
    /// Its runs, ordered by row.
    pub runs: Vec<Run>,
}

fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        parent[i as usize] = parent[parent[i as usize] as usize];
        i = parent[i as usize];
    }
    i
}

/// Labels the 8-connected components of pixels in `rect` that differ from `bg` by more than `tol`.
pub fn label(raster: &Raster, rect: Rect, bg: u32, tol: u32) -> Vec<Component> {
    // The background's own colour (most of a region) is settled without a diff: labelling is the
    // largest cost of a phone page, and this loop is all of it.
    label_where(raster, rect, bg, |p| p != bg && diff(p, bg) > tol)
}

/// Labels the 8-connected components of pixels in `rect` within `tol` of `fill`: the flat faces of
/// panels drawn in that colour, each with the holes its content makes. `other`, a colour more than
/// `tol` from `fill` (the region's background), is skipped quickly.
pub fn label_fill(raster: &Raster, rect: Rect, fill: u32, other: u32, tol: u32) -> Vec<Component> {
    label_where(raster, rect, other, |p| diff(p, fill) <= tol)
}

/// Labels the 8-connected components of pixels in `rect` where `fg` holds, row slice by row
/// slice; `plain`, a colour `fg` never holds for, is skipped eight pixels at a time.
fn label_where(
    raster: &Raster,
    rect: Rect,
    plain: u32,
    fg: impl Fn(u32) -> bool,
) -> Vec<Component> {
    let width = raster.width as usize;
    label_runs(rect, |y, out| {
        let start = y as usize * width;
        let row = &raster.px[start + rect.x0 as usize..start + rect.x1 as usize];
        push_runs(row, rect.x0, y, plain, &fg, out);
    })
}

/// Appends the runs of `row` (pixels from `x0` on row `y`) where `fg` holds. `plain`, a value
/// `fg` never holds for, is skipped eight pixels at a time (a region's background fill).
fn push_runs<T: Copy + PartialEq>(
    row: &[T],
    x0: u32,
    y: u32,
    plain: T,
    fg: impl Fn(T) -> bool,
    out: &mut Vec<Run>,
) {
    let mut i = 0;
    while i < row.len() {
        while i + 8 <= row.len() && row[i..i + 8].iter().all(|&v| v == plain) {
            i += 8;
        }
        if i == row.len() {
            break;
        }
        if fg(row[i]) {
            let start = i;
            while i < row.len() && fg(row[i]) {
                i += 1;
            }
            out.push(Run {
                y,
                x0: x0 + start as u32,
                x1: x0 + i as u32,
            });
        } else {
            i += 1;
        }
    }
}

/// Most two neighbouring pixels of a smooth background (a gradient) differ.
pub const SMOOTH_STEP: u32 = 3;

/// Labels what stands out from a background that is not one colour (a gradient, a soft vignette):
/// the background is every pixel reached from the region's border through neighbours at most
/// `smooth` apart, and every pixel within `tol` of the background last reached on its row to its
/// left (the counters of an o or a d, which the letter's ink walls off); the rest is foreground.
pub fn label_off_smooth_background(
    raster: &Raster,
    rect: Rect,
    smooth: u32,
    tol: u32,
) -> Vec<Component> {
    let (w, h) = (rect.w() as usize, rect.h() as usize);
    // The region's pixels, row by row, and which of them are background.
    let px: Vec<u32> = (rect.y0..rect.y1)
        .flat_map(|y| {
            let row = y as usize * raster.width as usize;
            raster.px[row + rect.x0 as usize..row + rect.x1 as usize]
                .iter()
                .copied()
        })
        .collect();
    let mut background = vec![false; w * h];
    let mut stack: Vec<usize> = Vec::new();
    for i in (0..w).chain((h - 1) * w..h * w) {
        stack.push(i);
    }
    for row in 1..h.saturating_sub(1) {
        stack.push(row * w);
        stack.push(row * w + w - 1);
    }
    for &i in &stack {
        background[i] = true;
    }
    // A scanline flood: each popped pixel spreads along its row as far as the colour steps
    // smoothly, then every pixel of that run seeds its smooth neighbours above and below.
    let close = |a: usize, b: usize| diff(px[a], px[b]) <= smooth;
    while let Some(i) = stack.pop() {
        let (base, col) = (i - i % w, i % w);
        let (mut l, mut r) = (col, col);
        while l > 0 && !background[base + l - 1] && close(base + l - 1, base + l) {
            l -= 1;
            background[base + l] = true;
        }
        while r + 1 < w && !background[base + r + 1] && close(base + r + 1, base + r) {
            r += 1;
            background[base + r] = true;
        }
        for j in base + l..=base + r {
            for k in [j.checked_sub(w), Some(j + w).filter(|&k| k < w * h)]
                .into_iter()
                .flatten()
            {
                if !background[k] && close(k, j) {
                    background[k] = true;
                    stack.push(k);
                }
            }
        }
    }
    let mut foreground = vec![false; w * h];
    for row in 0..h {
        let mut last = None;
        for i in row * w..(row + 1) * w {
            if background[i] {
                last = Some(px[i]);
            } else {
                foreground[i] = last.is_none_or(|l| diff(px[i], l) > tol);
            }
        }
    }
    label_runs(rect, |y, out| {
        let start = (y - rect.y0) as usize * w;
        push_runs(&foreground[start..start + w], rect.x0, y, false, |f| f, out);
    })
}

/// Labels the 8-connected components of the runs `row_runs(y, out)` appends for each row of `rect`.
fn label_runs(rect: Rect, mut row_runs: impl FnMut(u32, &mut Vec<Run>)) -> Vec<Component> {
    let mut runs: Vec<Run> = Vec::new();
    let mut row_start: Vec<usize> = Vec::with_capacity(rect.h() as usize + 1);
    for y in rect.y0..rect.y1 {
        row_start.push(runs.len());
        row_runs(y, &mut runs);
    }
    row_start.push(runs.len());

    let mut parent: Vec<u32> = (0..runs.len() as u32).collect();
    for r in 1..row_start.len() - 1 {
        let (prev, cur) = (
            row_start[r - 1]..row_start[r],
            row_start[r]..row_start[r + 1],
        );
        let mut p = prev.start;
        for c in cur {
            let run = runs[c];
            // Skip previous-row runs that end before this one starts (8-connectivity: touching corners join).
            while p < prev.end && runs[p].x1 < run.x0 {
                p += 1;
            }
            let mut q = p;
            while q < prev.end && runs[q].x0 <= run.x1 {
                let (a, b) = (find(&mut parent, c as u32), find(&mut parent, q as u32));
                if a != b {
                    parent[a.max(b) as usize] = a.min(b);
                }
                q += 1;
            }
        }
    }

    let mut index: Vec<u32> = vec![u32::MAX; runs.len()];
    let mut comps: Vec<Component> = Vec::new();
    for (i, &run) in runs.iter().enumerate() {
        let root = find(&mut parent, i as u32) as usize;
        if index[root] == u32::MAX {
            index[root] = comps.len() as u32;
            comps.push(Component {
                bbox: Rect {
                    x0: run.x0,
                    y0: run.y,
                    x1: run.x1,
                    y1: run.y + 1,
                },
                pixels: 0,
                runs: Vec::new(),
            });
        }
        let c = &mut comps[index[root] as usize];
        c.bbox = c.bbox.union(&Rect {
            x0: run.x0,
            y0: run.y,
            x1: run.x1,
            y1: run.y + 1,
        });
        c.pixels += run.x1 - run.x0;
        c.runs.push(run);
    }
    comps
}

/// The pixels of `rect` on a sparse grid of about 64 × 64 points: exact enough for backgrounds.
fn sample(raster: &Raster, rect: Rect) -> impl Iterator<Item = u32> + '_ {
    let step_x = (rect.w() / 64).max(1) as usize;
    let step_y = (rect.h() / 64).max(1) as usize;
    (rect.y0..rect.y1).step_by(step_y).flat_map(move |y| {
        (rect.x0..rect.x1)
            .step_by(step_x)
            .map(move |x| raster.at(x, y))
    })
}

/// Share of `rect` within `tol` of `colour`, sampled like [`dominant_colour`].
pub fn coverage(raster: &Raster, rect: Rect, colour: u32, tol: u32) -> f64 {
    let (mut hit, mut all) = (0u32, 0u32);
    for p in sample(raster, rect) {
        all += 1;
        hit += u32::from(diff(p, colour) <= tol);
    }
    f64::from(hit) / f64::from(all.max(1))
}

/// The most common colour in `rect`, sampled on a sparse grid (exact enough for backgrounds).
pub fn dominant_colour(raster: &Raster, rect: Rect) -> u32 {
    let mut counts: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    for p in sample(raster, rect) {
        *counts.entry(p).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(0xFFFFFF, |(c, _)| c)
}

/// The page background of a whole screenshot: the most common colour along the right edge (counted
/// twice) and the bottom edge. Sidebars hug the left, headers the top, and cards can cover most of
/// a page (a global count misses the background then); the right edge shows the page itself.
pub fn edge_colour(raster: &Raster, rect: Rect) -> u32 {
    let mut counts: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    for y in rect.y0..rect.y1 {
        *counts.entry(raster.at(rect.x1 - 1, y)).or_default() += 2;
    }
    for x in rect.x0..rect.x1 {
        *counts.entry(raster.at(x, rect.y1 - 1)).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(0xFFFFFF, |(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The components of `rect` by a plain 8-connected flood fill, pixel by pixel: what `label`'s
    /// run scan (with its skip over the background, eight pixels at a time) must reproduce.
    fn flood_components(r: &Raster, rect: Rect, bg: u32, tol: u32) -> Vec<(Rect, u32)> {
        let fg = |x: u32, y: u32| diff(r.at(x, y), bg) > tol;
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for y in rect.y0..rect.y1 {
            for x in rect.x0..rect.x1 {
                if !fg(x, y) || !seen.insert((x, y)) {
                    continue;
                }
                let (mut bbox, mut n, mut stack) = (
                    Rect {
                        x0: x,
                        y0: y,
                        x1: x + 1,
                        y1: y + 1,
                    },
                    0,
                    vec![(x, y)],
                );
                while let Some((px, py)) = stack.pop() {
                    n += 1;
                    bbox = bbox.union(&Rect {
                        x0: px,
                        y0: py,
                        x1: px + 1,
                        y1: py + 1,
                    });
                    for (dx, dy) in [
                        (-1i64, -1i64),
                        (0, -1),
                        (1, -1),
                        (-1, 0),
                        (1, 0),
                        (-1, 1),
                        (0, 1),
                        (1, 1),
                    ] {
                        let (nx, ny) = (px as i64 + dx, py as i64 + dy);
                        if nx < rect.x0 as i64
                            || ny < rect.y0 as i64
                            || nx >= rect.x1 as i64
                            || ny >= rect.y1 as i64
                        {
                            continue;
                        }
                        let (nx, ny) = (nx as u32, ny as u32);
                        if fg(nx, ny) && seen.insert((nx, ny)) {
                            stack.push((nx, ny));
                        }
                    }
                }
                out.push((bbox, n));
            }
        }
        out.sort_by_key(|(b, _)| (b.y0, b.x0, b.y1, b.x1));
        out
    }

    #[test]
    fn labelling_by_runs_finds_the_components_a_pixel_flood_fill_finds() {
        // Regression guard for the run scan's skip over background pixels: sparse shapes, long
        // background stretches, near-background noise and shapes touching the region's sides.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..40 {
            let (w, h) = (37 + (next() % 40) as u32, 5 + (next() % 30) as u32);
            let px = (0..w * h)
                .map(|_| match next() % 20 {
                    0 => 0x202020,
                    1 => 0xF8F8F8, // within the tolerance of the background
                    2 => 0x3060C0,
                    _ => 0xFFFFFF,
                })
                .collect();
            let r = Raster::from_pixels(w, h, px);
            let rect = Rect {
                x0: (next() % 5) as u32,
                y0: (next() % 3) as u32,
                x1: w - (next() % 5) as u32,
                y1: h,
            };
            let mut got: Vec<(Rect, u32)> = label(&r, rect, 0xFFFFFF, 12)
                .iter()
                .map(|c| (c.bbox, c.pixels))
                .collect();
            got.sort_by_key(|(b, _)| (b.y0, b.x0, b.y1, b.x1));
            assert_eq!(got, flood_components(&r, rect, 0xFFFFFF, 12));
        }
    }

    #[test]
    fn a_card_and_a_letter_on_a_gradient_stand_out_from_the_smooth_background() {
        // Regression: a login card on a blue gradient page gave zero measurements: the gradient
        // differs from any one background colour, so the whole page was one blob.
        let (w, h) = (300u32, 200u32);
        let r = Raster::painted(w, h, |x, y| {
            let ring = (230..260).contains(&x) && (80..110).contains(&y);
            let counter = (236..254).contains(&x) && (86..104).contains(&y);
            if (100..200).contains(&x) && (50..150).contains(&y) {
                0xFFFFFF
            } else if ring && !counter {
                // A bold o, 6 px strokes: its counter is the gradient, walled off.
                0x222222
            } else {
                // 0x22 → 0x4E over the width: one level every few pixels.
                let b = 0xBE + (x * 0x21 / w);
                (0x22 + x * 0x2C / w) << 16 | (0x4A + x * 0x29 / w) << 8 | b
            }
        });
        let page = Rect::covering(&r);
        let edge = edge_colour(&r, page);
        assert!(label(&r, page, edge, 4).iter().any(|c| c.bbox.w() > 250));
        let comps = label_off_smooth_background(&r, page, 3, 4);
        assert_eq!(comps.len(), 2);
        assert_eq!(
            comps[0].bbox,
            Rect {
                x0: 100,
                y0: 50,
                x1: 200,
                y1: 150
            }
        );
        // Regression: the counter of a letter on a gradient is background, not ink: a heading's
        // o and d read as solid disks and boxes, and the heading fell apart into letters.
        let o = &comps[1];
        assert_eq!(
            (o.bbox.x0, o.bbox.y0, o.bbox.w(), o.bbox.h()),
            (230, 80, 30, 30)
        );
        assert_eq!(o.pixels, 30 * 30 - 18 * 18);
    }
}
