//! Telling boxes from other shapes, and finding a box's true edges and border.

use crate::components::{dominant_colour, Component, Rect, Run, SMOOTH_STEP};
use crate::raster::{diff, Raster};

pub(crate) mod lattice;
mod shadow;
use shadow::strip_outline_shadow;

/// Least side, in image px, of a card read from its shadow alone.
const MIN_SHADOW_CARD: u32 = 4 * MIN_BOX;

/// Smallest box side in image px; smaller filled shapes are graphics.
pub(crate) const MIN_BOX: u32 = 10;
/// Widest hard shadow in image px: offsets of 2 to 8 CSS px, at up to 3×.
const MAX_HARD_SHADOW: u32 = 24;
/// Pixels at most this many tolerances off the page, all round a box, are a shadow's fringe.
const FAINT: u32 = 3;
/// Widest border read, in image px: 4 CSS px at 3× (designers' thickest outlines), with room.
const THICKEST_BORDER: u32 = 16;

/// Reads boxes off the page and keeps what they say about it: their border widths (a density cue)
/// and the boxes the bottom of the screenshot cuts off.
pub(crate) struct BoxReader<'a> {
    pub(crate) raster: &'a Raster,
    /// Colour difference that separates content from background.
    pub(crate) tol: u32,
    /// Whether the image was lossily compressed (JPEG): its edges ring.
    pub(crate) lossy: bool,
    /// Thickness in px of every divider and outline border seen.
    pub(crate) line_widths: Vec<u32>,
    /// Insides of boxes cut off by the bottom of the screenshot.
    pub(crate) cropped: Vec<Rect>,
    /// Insides of cards whose top edge is not drawn (a soft shadow falls below and beside them).
    pub(crate) open_top: Vec<Rect>,
}

/// How much a [`BoxReader`] has noted so far: read before a component, so what reading it noted
/// can be forgotten if it turns out not to be a box after all.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marks {
    line_widths: usize,
    cropped: usize,
    open_top: usize,
}

impl BoxReader<'_> {
    pub(crate) fn marks(&self) -> Marks {
        Marks {
            line_widths: self.line_widths.len(),
            cropped: self.cropped.len(),
            open_top: self.open_top.len(),
        }
    }

    /// Forgets what was noted between two marks (`from` before `to`).
    pub(crate) fn forget(&mut self, from: Marks, to: Marks) {
        self.line_widths.drain(from.line_widths..to.line_widths);
        self.cropped.drain(from.cropped..to.cropped);
        self.open_top.drain(from.open_top..to.open_top);
    }
    /// Whether a component is a box: its bounding box's four sides are drawn along their straight
    /// middle parts (corners may be rounded), each side within `slack` px of the bounding box (its
    /// region's: more where a shadow was read at a coarse contrast). Returns the inner rectangle
    /// (inside the border).
    pub(crate) fn as_box(&mut self, c: &Component, bg: u32, slack: u32) -> Option<(Rect, Rect)> {
        let b = c.bbox;
        if b.w() < MIN_BOX || b.h() < MIN_BOX {
            return None;
        }
        // Fill ratio of a ring is low, of a disk about π/4: both are told apart by the side test.
        // The straight middle 60 % of each side must be drawn: rounded corners are fine, circles
        // and other round shapes are graphics.
        let side_test = sides(c, slack);
        let (mut left_w, mut right_w) = (side_test.left_w, side_test.right_w);
        // A soft shadow around an outlined box (a button's) adds a few sparse rows above and
        // below its border: the border is the first full row within that fringe.
        let row_slack = if slack > 1 { slack } else { 0 };
        let reach = if b.h() >= FRINGED_MIN_H {
            row_slack.max(FRINGE).min(b.h() / 4)
        } else {
            row_slack
        };
        let (lo, hi) = (b.x0 + b.w() / 5, b.x1 - b.w() / 5);
        let top = (0..=reach).find(|&d| row_cover(c, b.y0 + d, lo, hi));
        let closed = (0..=reach).find(|&d| row_cover(c, b.y1 - 1 - d, lo, hi));
        // A box that reaches the bottom of the screenshot may go on below it (a page cropped below
        // the fold): the crop stands for its bottom side, and its bottom padding is not measured.
        let cut = b.y1 == self.raster.height;
        let bottom = closed.is_some() || cut;
        let sides = side_test.drawn();
        let straight = sides && top.is_some() && bottom;
        // Anti-aliased glyph edges inside a fill can match the background and punch holes in a
        // row, so "filled" is judged by area, not by one row.
        let filled = u64::from(c.pixels) * 10 >= u64::from(b.w()) * u64::from(b.h()) * 7;
        if !straight {
            // A ring open at the top: a card drawn by its drop shadow alone.
            if !filled && top.is_none() && sides && closed.is_some() {
                if let Some(card) = self.open_top_card(c) {
                    self.open_top.push(card.1);
                    return Some(card);
                }
            }
            // Chips, badges and pill buttons are rounded fully: their ends are half circles.
            let (l, r) = stadium_ends(c, slack)?;
            left_w = l;
            right_w = r;
        }
        let found = if filled {
            // A filled box. A soft shadow also differs from the background, so the box's edge is
            // where the colour steps hardest, not where the component starts; its border, if any,
            // is the ring inside that edge whose colour differs from the fill.
            let fill = dominant_colour(self.raster, b);
            // A border draws the same colour on all four sides; a shadow is offset (heavier below)
            // and soft. Only a shadow is stripped from the box, and the ringing lossy compression
            // leaves around every edge.
            let outer = if !self.lossy && self.uniform_edges(b, bg) {
                // Only a shadow in the border's own colour can be there: a thicker side.
                self.strip_hard_shadow(b, bg)
            } else {
                self.strip_hard_shadow(self.refine_edges(b, bg), bg)
            };
            let bw = self.border_width(outer, fill);
            if bw > 0 {
                self.line_widths.push(bw);
            }
            (outer, self.inside_bands(outer, fill, bw))
        } else {
            // An outline: the ring is the border; inside is the region's own background. Its
            // edges are where the full rows and columns are, not where a shadow's fringe ends.
            let b = if straight {
                trim_fringe(c, b, top.unwrap_or(0), closed.unwrap_or(0))
            } else {
                b
            };
            let bw = left_w.min(right_w).min(b.w() / 2);
            self.line_widths.push(bw);
            let outer = strip_outline_shadow(c, b, bw, right_w);
            (outer, self.ring_inside(c, b, bg, bw, outer))
        };
        if cut {
            self.cropped.push(found.1);
        }
        Some(found)
    }

    /// The pixel `t` px in from side `side` of `b` (top, bottom, left, right), at its middle.
    fn mid_side(&self, b: Rect, side: usize, t: u32) -> u32 {
        let (mx, my) = (b.x0 + b.w() / 2, b.y0 + b.h() / 2);
        match side {
            0 => self.raster.at(mx, b.y0 + t),
            1 => self.raster.at(mx, b.y1 - 1 - t),
            2 => self.raster.at(b.x0 + t, my),
            _ => self.raster.at(b.x1 - 1 - t, my),
        }
    }

    /// How many pixels, at most `limit`, from side `side` of `b` (top, bottom, left, right) inward
    /// at its middle differ from the fill `fill`: the band of border (and shadow) on that side.
    fn off_fill(&self, b: Rect, side: usize, fill: u32, limit: u32) -> u32 {
        (0..limit)
            .take_while(|&t| diff(self.mid_side(b, side, t), fill) > self.tol)
            .count() as u32
    }

    /// Whether the outermost pixels at the middle of the four sides share one colour, a border's:
    /// the faint tips of a soft shadow all round a box (a `shadow-sm`'s) are alike too, but they
    /// are barely off the page.
    fn uniform_edges(&self, b: Rect, bg: u32) -> bool {
        let sides: [u32; 4] = std::array::from_fn(|side| self.mid_side(b, side, 0));
        sides.iter().all(|&c| diff(c, sides[0]) <= self.tol / 2)
            && sides.iter().any(|&c| diff(c, bg) > FAINT * self.tol)
    }

    /// Moves each side of a component's bounding box inward past a soft shadow: to the outermost
    /// pixel whose step from its outer neighbour is at least 70 % of the strongest step on the way in.
    /// (A light border's step from the page is often three quarters of its step to a white fill:
    /// the border is the edge.) Sampled at five places along the middle of each side; the median
    /// wins.
    fn refine_edges(&self, b: Rect, bg: u32) -> Rect {
        let depth = (b.w().min(b.h()) / 4).min(16);
        let mut offsets = [0u32; 4];
        for (side, offset) in offsets.iter_mut().enumerate() {
            let mut found: Vec<u32> = (1..=5u32)
                .map(|k| {
                    let pixel = |t: u32| -> u32 {
                        match side {
                            0 => self.raster.at(b.x0 + b.w() * (k + 2) / 9, b.y0 + t),
                            1 => self.raster.at(b.x0 + b.w() * (k + 2) / 9, b.y1 - 1 - t),
                            2 => self.raster.at(b.x0 + t, b.y0 + b.h() * (k + 2) / 9),
                            _ => self.raster.at(b.x1 - 1 - t, b.y0 + b.h() * (k + 2) / 9),
                        }
                    };
                    let mut prev = bg;
                    let steps: Vec<u32> = (0..depth)
                        .map(|t| {
                            let p = pixel(t);
                            let d = diff(p, prev);
                            prev = p;
                            d
                        })
                        .collect();
                    let max = steps.iter().copied().max().unwrap_or(0);
                    steps
                        .iter()
                        .position(|&d| 10 * d >= 7 * max && d > self.tol)
                        .unwrap_or(0) as u32
                })
                .collect();
            found.sort_unstable();
            *offset = found[2];
        }
        inset(b, offsets)
    }

    /// Width of a border around a filled box: pixels from the edge inward that differ from the fill,
    /// read at the middle of the left side. A smooth band as wide as [`THICKEST_BORDER`] or wider
    /// is no border: it is a gradient fill drifting from its most common colour (a hero's). (A
    /// photo or an image flush with the left side is not smooth, and keeps the old reading.)
    fn border_width(&self, b: Rect, fill: u32) -> u32 {
        let px = |x: u32| self.mid_side(b, 2, x);
        let w = self.off_fill(b, 2, fill, b.w() / 3);
        // Judged over a border's widest reach only: a centred label on the row (a gradient
        // button's) is a sharp step farther in, and made the whole band a "border".
        let smooth = (1..w.min(THICKEST_BORDER)).all(|x| diff(px(x - 1), px(x)) <= SMOOTH_STEP);
        if w >= THICKEST_BORDER && smooth {
            0
        } else {
            w
        }
    }
}

/// `b` with its top, bottom, left and right sides moved in by `offsets`; `b` itself when nothing
/// would be left.
fn inset(b: Rect, offsets: [u32; 4]) -> Rect {
    let r = Rect {
        y0: b.y0 + offsets[0],
        y1: b.y1 - offsets[1],
        x0: b.x0 + offsets[2],
        x1: b.x1 - offsets[3],
    };
    if r.is_empty() {
        b
    } else {
        r
    }
}

/// A shape in a corner of a box's inside, touching two of its sides (or within `reach` px of
/// them): the outside of a rounded corner (small), or of a pill's half-circle end, not content.
/// (Against a gradient fill, what stands out of a rounded corner is its anti-aliased arc, a pixel
/// or two in from the sides.)
pub(crate) fn in_corner(b: &Rect, region: Rect, reach: u32) -> bool {
    let near = |a: u32, e: u32| a.abs_diff(e) <= reach;
    let left = near(b.x0, region.x0);
    let right = near(b.x1, region.x1);
    let top = near(b.y0, region.y0);
    let bottom = near(b.y1, region.y1);
    let small = b.w() <= 16 && b.h() <= 16;
    // A pill's end leaves two pieces per side, each at most a radius (half the height) square.
    let half = region.h() / 2 + 1;
    let cap = b.w() <= half && b.h() <= half;
    (left || right) && (top || bottom) && (small || cap)
}

/// Whether a component is a stadium (a pill: a rectangle whose short ends are half circles), at
/// least a fifth longer than tall so circles stay graphics. Every row must reach the circle's edge
/// at its height, and the top and bottom rows the whole straight part. Returns the thinnest run at
/// each end (the border's width when the pill is outlined).
fn stadium_ends(c: &Component, slack: u32) -> Option<(u32, u32)> {
    let b = c.bbox;
    if b.w() * 5 < b.h() * 6 || b.h() < MIN_BOX {
        return None;
    }
    let r = f64::from(b.h()) / 2.0;
    let centre = f64::from(b.y0) + r;
    // Anti-aliasing shaves up to a pixel off a curve.
    let give = f64::from(slack) + 1.0;
    let (mut rows, mut left_w, mut right_w) = (0u32, u32::MAX, u32::MAX);
    // An outlined pill has two runs (its two sides) on every row of its middle.
    let mut two_sided = true;
    for row in by_row(c) {
        let (first, last) = (row[0], row[row.len() - 1]);
        let y = first.y;
        if y > b.y0 + slack + 1 && y + slack + 2 < b.y1 && row.len() != 2 {
            two_sided = false;
        }
        let dy = (f64::from(y) + 0.5 - centre).abs().min(r);
        let inset = r - (r * r - dy * dy).sqrt();
        if f64::from(first.x0) > f64::from(b.x0) + inset + give
            || f64::from(last.x1) + inset + give < f64::from(b.x1)
        {
            return None;
        }
        if dy < r / 2.0 {
            left_w = left_w.min(first.x1 - first.x0);
            right_w = right_w.min(last.x1 - last.x0);
        }
        rows += 1;
    }
    let (lo, hi) = (b.x0 + b.h() / 2 + 1, b.x1.saturating_sub(b.h() / 2 + 1));
    if hi <= lo {
        return None;
    }
    let ends = (0..=slack).any(|d| row_cover(c, b.y0 + d, lo, hi))
        && (0..=slack).any(|d| row_cover(c, b.y1 - 1 - d, lo, hi));
    // Filled, or outlined: a glyph (u, m, o) has the outline of a pill but neither.
    let area =
        f64::from(b.w()) * f64::from(b.h()) - (1.0 - std::f64::consts::FRAC_PI_4) * 4.0 * r * r;
    let filled = f64::from(c.pixels) >= 0.85 * area;
    (rows == b.h() && ends && (filled || two_sided)).then_some((left_w, right_w))
}

/// Rows a shadow's fringe may add outside an outlined box's border.
const FRINGE: u32 = 4;
/// Shortest outlined box whose fringe is looked past: a button or a field, not a badge or a glyph.
const FRINGED_MIN_H: u32 = 32;

/// An outlined box's rectangle without the fringe a soft shadow adds: `top` and `bottom` rows
/// are dropped, and each side moves in to where most middle rows start (or end).
fn trim_fringe(c: &Component, b: Rect, top: u32, bottom: u32) -> Rect {
    if top == 0 && bottom == 0 {
        return b;
    }
    let (mid_lo, mid_hi) = (b.y0 + b.h() / 5, b.y1 - b.h() / 5);
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    for row in by_row(c).filter(|row| (mid_lo..mid_hi).contains(&row[0].y)) {
        starts.push(row[0].x0);
        ends.push(row[row.len() - 1].x1);
    }
    starts.sort_unstable();
    ends.sort_unstable();
    // A straight box's middle rows (95 % of them) start and end within its side slack, so their
    // medians are its sides.
    let r = Rect {
        x0: starts.get(starts.len() / 2).copied().unwrap_or(b.x0),
        x1: ends.get(ends.len() / 2).copied().unwrap_or(b.x1),
        y0: b.y0 + top,
        y1: b.y1 - bottom,
    };
    if r.w() < MIN_BOX || r.h() < MIN_BOX {
        b
    } else {
        r
    }
}

/// The rows of the straight middle 60 % of a shape's height, and those that reach both its left
/// and right side (within `slack`), with the thinnest first and last run among them: the side
/// test of a box.
pub(crate) struct Sides {
    pub rows: u32,
    pub covered: u32,
    pub left_w: u32,
    pub right_w: u32,
}

impl Sides {
    /// Whether the left and right sides are drawn: 95 % of the middle rows reach both.
    pub(crate) fn drawn(&self) -> bool {
        self.rows > 0 && self.covered * 100 >= self.rows * 95
    }
}

pub(crate) fn sides(c: &Component, slack: u32) -> Sides {
    let b = c.bbox;
    let (mid_lo, mid_hi) = (b.y0 + b.h() / 5, b.y1 - b.h() / 5);
    let mut s = Sides {
        rows: 0,
        covered: 0,
        left_w: u32::MAX,
        right_w: u32::MAX,
    };
    for row in by_row(c) {
        let (first, last) = (row[0], row[row.len() - 1]);
        if (mid_lo..mid_hi).contains(&first.y) {
            s.rows += 1;
            if first.x0 <= b.x0 + slack && last.x1 + slack >= b.x1 {
                s.covered += 1;
                s.left_w = s.left_w.min(first.x1 - first.x0);
                s.right_w = s.right_w.min(last.x1 - last.x0);
            }
        }
    }
    s
}

/// A component's runs, one row at a time (runs are ordered by row).
fn by_row(c: &Component) -> impl Iterator<Item = &[Run]> {
    c.runs.chunk_by(|a, b| a.y == b.y)
}

/// Whether row `y` of the component covers (95 %) the span `lo..hi`.
pub(crate) fn row_cover(c: &Component, y: u32, lo: u32, hi: u32) -> bool {
    let covered: u32 = c
        .runs
        .iter()
        .filter(|r| r.y == y)
        .map(|r| r.x1.min(hi).saturating_sub(r.x0.max(lo)))
        .sum();
    covered * 100 >= (hi - lo) * 95
}

fn shrink(b: Rect, by: u32) -> Rect {
    Rect {
        x0: b.x0 + by,
        y0: b.y0 + by,
        x1: b.x1.saturating_sub(by).max(b.x0 + by),
        y1: b.y1.saturating_sub(by).max(b.y0 + by),
    }
}

/// A thin straight line: a divider, or one side of a box drawn alone.
pub(crate) fn is_rule(c: &Component) -> bool {
    let (w, h) = (c.bbox.w(), c.bbox.h());
    let thin = w.min(h);
    let long = w.max(h);
    thin <= 4 && long >= 8 * thin && long >= 24 && c.pixels * 10 >= w * h * 9
}
