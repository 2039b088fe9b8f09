//! Finding the structure a designer sees: boxes (fills, borders), rules, text lines and graphics,
//! nested region by region, and the distances between them.
//!
//! A region has one background colour. Pixels that differ from it form connected components; a
//! component whose bounding box edges are covered is a box (filled or outlined) and becomes a region
//! of its own. The other components are glyphs and graphics, grouped into words and text lines.
//! Distances are then measured between a box's inner edge and its nearest content (padding) and
//! between neighbouring items (gaps).

use crate::components::{dominant_colour, edge_colour, label, Component, Rect};
use crate::raster::{diff, Raster};
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A filled or outlined rectangle.
    Box,
    /// A divider line.
    Rule,
    /// Glyphs grouped into a word or a line.
    Text,
    /// Anything else drawn: icons, avatars, images.
    Graphic,
}

#[derive(Debug, Clone, Copy)]
pub struct Item {
    /// Where it is, for layout: the border box of a box, the estimated CSS line box of text (see
    /// `text::line_box`), the drawn extent of anything else.
    pub rect: Rect,
    pub kind: ItemKind,
    /// For text: the row its letters stand on.
    pub baseline: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Measured left to right.
    X,
    /// Measured top to bottom.
    Y,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// From a box's inner edge to its content.
    Padding,
    /// Between two neighbouring items in the same region.
    Gap,
}

/// One distance, in image pixels, with what is at each end.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub relation: Relation,
    pub axis: Axis,
    pub px: u32,
    /// The measured gap region.
    pub rect: Rect,
    pub near: ItemKind,
    pub far: ItemKind,
    /// The box whose padding this is, or the region the gap lies in.
    pub container: Rect,
    /// Whether the container is a visible box (not the page background).
    pub container_is_box: bool,
    /// The largest side of the smaller item at either end (the content for padding), in px.
    pub smaller_item: u32,
}

/// What the layout pass found: distances and the thickness of thin lines (a density cue).
pub struct Layout {
    pub spans: Vec<Span>,
    /// Thickness in px of every divider and outline border seen.
    pub line_widths: Vec<u32>,
    pub boxes: u32,
}

/// A region and what it holds, kept until text line boxes can be estimated from the whole page.
struct RegionItems {
    rect: Rect,
    is_box: bool,
    items: Vec<Item>,
}

pub struct Analyser<'a> {
    slack: u32,
    regions: Vec<RegionItems>,
    raster: &'a Raster,
    tol: u32,
    spans: Vec<Span>,
    line_widths: Vec<u32>,
    boxes: u32,
}

const MAX_DEPTH: u32 = 12;
/// Smallest box side in image px; smaller filled shapes are graphics.
const MIN_BOX: u32 = 10;

impl<'a> Analyser<'a> {
    /// `tol`: colour difference that separates content from background. `slack`: how far (px) a
    /// box's side may wander, more for lossy images whose edges ring.
    pub fn run(raster: &'a Raster, tol: u32, slack: u32) -> Layout {
        let mut a = Analyser {
            regions: Vec::new(),
            raster,
            tol,
            slack,
            spans: Vec::new(),
            line_widths: Vec::new(),
            boxes: 0,
        };
        let page = Rect {
            x0: 0,
            y0: 0,
            x1: raster.width,
            y1: raster.height,
        };
        let bg = edge_colour(raster, page);
        a.region(page, bg, false, 0);
        // Text ink sits inside a taller CSS line box; its proportions are read off the page's own
        // paragraphs, then every text item is measured by its line box.
        let ratio = text::line_height_ratio(a.regions.iter().flat_map(|r| r.items.iter()));
        let regions = std::mem::take(&mut a.regions);
        for mut r in regions {
            for it in r.items.iter_mut() {
                if let (ItemKind::Text, Some(baseline)) = (it.kind, it.baseline) {
                    it.rect = text::line_box(it.rect, baseline, ratio, r.rect);
                }
            }
            a.measure(r.rect, r.is_box, &r.items);
        }
        Layout {
            spans: a.spans,
            line_widths: a.line_widths,
            boxes: a.boxes,
        }
    }

    fn region(&mut self, rect: Rect, bg: u32, is_box: bool, depth: u32) {
        if rect.is_empty() || depth > MAX_DEPTH {
            return;
        }
        let comps = label(self.raster, rect, bg, self.tol);
        let mut items: Vec<Item> = Vec::new();
        let mut loose: Vec<Rect> = Vec::new();
        for c in &comps {
            if is_box && in_corner(&c.bbox, rect) {
                continue;
            }
            if let Some((outer, inner)) = self.as_box(c, bg) {
                self.boxes += 1;
                items.push(Item {
                    rect: outer,
                    kind: ItemKind::Box,
                    baseline: None,
                });
                let fill = dominant_colour(self.raster, inner);
                self.region(inner, fill, true, depth + 1);
            } else if is_rule(c) {
                self.line_widths.push(c.bbox.w().min(c.bbox.h()));
                items.push(Item {
                    rect: c.bbox,
                    kind: ItemKind::Rule,
                    baseline: None,
                });
            } else {
                loose.push(c.bbox);
            }
        }
        items.extend(text::group(&loose));
        self.regions.push(RegionItems {
            rect,
            is_box,
            items,
        });
    }

    /// Whether a component is a box: its bounding box's four sides are drawn along their straight
    /// middle parts (corners may be rounded). Returns the inner rectangle (inside the border).
    fn as_box(&mut self, c: &Component, bg: u32) -> Option<(Rect, Rect)> {
        let b = c.bbox;
        if b.w() < MIN_BOX || b.h() < MIN_BOX {
            return None;
        }
        // Fill ratio of a ring is low, of a disk about π/4: both are told apart by the side test.
        // The straight middle 60 % of each side must be drawn: rounded corners are fine, circles
        // and other round shapes are graphics.
        let mid_lo = b.y0 + b.h() / 5;
        let mid_hi = b.y1 - b.h() / 5;
        let (mut rows, mut covered) = (0u32, 0u32);
        let mut left_w = u32::MAX;
        let mut right_w = u32::MAX;
        let mut i = 0;
        while i < c.runs.len() {
            let y = c.runs[i].y;
            let mut j = i;
            while j < c.runs.len() && c.runs[j].y == y {
                j += 1;
            }
            if (mid_lo..mid_hi).contains(&y) {
                rows += 1;
                let first = c.runs[i];
                let last = c.runs[j - 1];
                if first.x0 <= b.x0 + self.slack && last.x1 + self.slack >= b.x1 {
                    covered += 1;
                    left_w = left_w.min(first.x1 - first.x0);
                    right_w = right_w.min(last.x1 - last.x0);
                }
            }
            i = j;
        }
        if rows == 0 || covered * 100 < rows * 95 {
            return None;
        }
        let row_slack = if self.slack > 1 { self.slack } else { 0 };
        let (lo, hi) = (b.x0 + b.w() / 5, b.x1 - b.w() / 5);
        let top = (0..=row_slack.min(b.h() / 4)).any(|d| row_cover(c, b.y0 + d, lo, hi));
        let bottom = (0..=row_slack.min(b.h() / 4)).any(|d| row_cover(c, b.y1 - 1 - d, lo, hi));
        if !top || !bottom {
            return None;
        }
        // Anti-aliased glyph edges inside a fill can match the background and punch holes in a
        // row, so "filled" is judged by area, not by one row.
        let filled = u64::from(c.pixels) * 10 >= u64::from(b.w()) * u64::from(b.h()) * 7;
        if filled {
            // A filled box. A soft shadow also differs from the background, so the box's edge is
            // where the colour steps hardest, not where the component starts; its border, if any,
            // is the ring inside that edge whose colour differs from the fill.
            let fill = dominant_colour(self.raster, b);
            // A border draws the same colour on all four sides; a shadow is offset (heavier below)
            // and soft. Only a shadow is stripped from the box.
            let outer = if self.uniform_edges(b) {
                b
            } else {
                self.refine_edges(b, bg)
            };
            let bw = self.border_width(outer, fill);
            if bw > 0 {
                self.line_widths.push(bw);
            }
            Some((outer, shrink(outer, bw)))
        } else {
            // An outline: the ring is the border; inside is the region's own background.
            let bw = left_w.min(right_w).min(b.w() / 2);
            self.line_widths.push(bw);
            Some((b, shrink(b, bw)))
        }
    }

    /// Whether the outermost pixels at the middle of the four sides share one colour.
    fn uniform_edges(&self, b: Rect) -> bool {
        let (mx, my) = (b.x0 + b.w() / 2, b.y0 + b.h() / 2);
        let sides = [
            self.raster.at(mx, b.y0),
            self.raster.at(mx, b.y1 - 1),
            self.raster.at(b.x0, my),
            self.raster.at(b.x1 - 1, my),
        ];
        sides.iter().all(|&c| diff(c, sides[0]) <= self.tol / 2)
    }

    /// Moves each side of a component's bounding box inward past a soft shadow: to the outermost
    /// pixel whose step from its outer neighbour is at least 80 % of the strongest step on the way in.
    /// Sampled at five places along the middle of each side; the median wins.
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
                        .position(|&d| 5 * d >= 4 * max && d > self.tol)
                        .unwrap_or(0) as u32
                })
                .collect();
            found.sort_unstable();
            *offset = found[2];
        }
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

    /// Width of a border around a filled box: pixels from the edge inward that differ from the fill,
    /// read at the middle of the left side.
    fn border_width(&self, b: Rect, fill: u32) -> u32 {
        let y = b.y0 + b.h() / 2;
        let mut w = 0;
        while w < b.w() / 3 && diff(self.raster.at(b.x0 + w, y), fill) > self.tol {
            w += 1;
        }
        w
    }

    fn measure(&mut self, rect: Rect, is_box: bool, items: &[Item]) {
        if items.is_empty() {
            return;
        }
        if is_box {
            self.padding(rect, items);
        }
        for (i, a) in items.iter().enumerate() {
            // Nearest neighbour to the right that shares at least half the smaller height.
            let right = items
                .iter()
                .enumerate()
                .filter(|&(j, b)| {
                    j != i
                        && b.rect.x0 >= a.rect.x1
                        && 2 * a.rect.v_overlap(&b.rect) >= a.rect.h().min(b.rect.h())
                })
                .min_by_key(|(_, b)| b.rect.x0);
            if let Some((_, b)) = right {
                let gap = Rect {
                    x0: a.rect.x1,
                    x1: b.rect.x0,
                    y0: a.rect.y0.max(b.rect.y0),
                    y1: a.rect.y1.min(b.rect.y1),
                };
                self.push_gap(Axis::X, gap, a, b, rect, is_box, items);
            }
            let below = items
                .iter()
                .enumerate()
                .filter(|&(j, b)| {
                    j != i
                        && b.rect.y0 >= a.rect.y1
                        && 2 * a.rect.h_overlap(&b.rect) >= a.rect.w().min(b.rect.w())
                })
                .min_by_key(|(_, b)| b.rect.y0);
            if let Some((_, b)) = below {
                let gap = Rect {
                    y0: a.rect.y1,
                    y1: b.rect.y0,
                    x0: a.rect.x0.max(b.rect.x0),
                    x1: a.rect.x1.min(b.rect.x1),
                };
                self.push_gap(Axis::Y, gap, a, b, rect, is_box, items);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_gap(
        &mut self,
        axis: Axis,
        gap: Rect,
        a: &Item,
        b: &Item,
        container: Rect,
        container_is_box: bool,
        items: &[Item],
    ) {
        let (near, far) = (a.kind, b.kind);
        let px = match axis {
            Axis::X => gap.w(),
            Axis::Y => gap.h(),
        };
        if px == 0 {
            return;
        }
        let solid = |k: ItemKind| matches!(k, ItemKind::Box | ItemKind::Rule);
        let small = a.rect.h().min(b.rect.h());
        // Far apart in a row: pushed by alignment (space-between, columns), not a designed gap.
        if axis == Axis::X && !(solid(near) && solid(far)) && px > 3 * small {
            return;
        }
        // Two lines whose line boxes (nearly) touch are one paragraph.
        if axis == Axis::Y && near == ItemKind::Text && far == ItemKind::Text && px * 6 < small {
            return;
        }
        // Something else in the gap means these two are not neighbours.
        if items.iter().any(|it| {
            it.rect.x0 < gap.x1 && it.rect.x1 > gap.x0 && it.rect.y0 < gap.y1 && it.rect.y1 > gap.y0
        }) {
            return;
        }
        self.spans.push(Span {
            relation: Relation::Gap,
            axis,
            px,
            rect: gap,
            near,
            far,
            container,
            container_is_box,
            smaller_item: (a.rect.w().max(a.rect.h())).min(b.rect.w().max(b.rect.h())),
        });
    }

    /// Padding on each side: the distance from the box's inner edge to every item that faces that
    /// edge with nothing in between. The smallest such distance is the padding; items at the same
    /// distance (±1 px) confirm it, items farther in are aligned or centred, not padded, and items
    /// touching the edge (full-width dividers) are not content.
    fn padding(&mut self, inner: Rect, items: &[Item]) {
        for side in 0..4 {
            let mut found: Vec<(u32, Rect, ItemKind, u32)> = Vec::new();
            for (i, it) in items.iter().enumerate() {
                let r = it.rect;
                let gap = match side {
                    0 => Rect {
                        y0: inner.y0,
                        y1: r.y0,
                        ..r
                    },
                    1 => Rect {
                        y0: r.y1,
                        y1: inner.y1,
                        ..r
                    },
                    2 => Rect {
                        x0: inner.x0,
                        x1: r.x0,
                        ..r
                    },
                    _ => Rect {
                        x0: r.x1,
                        x1: inner.x1,
                        ..r
                    },
                };
                if gap.is_empty() {
                    continue;
                }
                let blocked = items.iter().enumerate().any(|(j, o)| {
                    j != i
                        && o.rect.x0 < gap.x1
                        && o.rect.x1 > gap.x0
                        && o.rect.y0 < gap.y1
                        && o.rect.y1 > gap.y0
                });
                if !blocked {
                    let px = if side < 2 { gap.h() } else { gap.w() };
                    found.push((px, gap, it.kind, r.w().max(r.h())));
                }
            }
            let Some(min) = found.iter().map(|f| f.0).min() else {
                continue;
            };
            for (px, rect, kind, size) in found {
                if px > min + 1 {
                    continue;
                }
                self.spans.push(Span {
                    relation: Relation::Padding,
                    axis: if side < 2 { Axis::Y } else { Axis::X },
                    px,
                    rect,
                    near: ItemKind::Box,
                    far: kind,
                    container: inner,
                    container_is_box: true,
                    smaller_item: size,
                });
            }
        }
    }
}

/// A small shape in a corner of a box's inside: the outside of a rounded corner, not content.
fn in_corner(b: &Rect, region: Rect) -> bool {
    let left = b.x0 == region.x0;
    let right = b.x1 == region.x1;
    let top = b.y0 == region.y0;
    let bottom = b.y1 == region.y1;
    (left || right) && (top || bottom) && b.w() <= 16 && b.h() <= 16
}

/// Whether row `y` of the component covers (95 %) the span `lo..hi`.
fn row_cover(c: &Component, y: u32, lo: u32, hi: u32) -> bool {
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
fn is_rule(c: &Component) -> bool {
    let (w, h) = (c.bbox.w(), c.bbox.h());
    let thin = w.min(h);
    let long = w.max(h);
    thin <= 4 && long >= 8 * thin && long >= 24 && c.pixels * 10 >= w * h * 9
}
