//! Hard offset shadows: a solid copy of a box a few pixels down and right (neobrutalist cards,
//! alerts and badges), which steps from the page as hard as the box's own edge. Read as part of
//! the box, it makes the box too big and puts a strip of shadow inside it.

use super::{by_row, inset, row_cover, BoxReader, MAX_HARD_SHADOW, MIN_BOX, MIN_SHADOW_CARD};
use crate::components::{Component, Rect};
use crate::raster::diff;

impl BoxReader<'_> {
    /// A card drawn only by its soft shadow: a fill the colour of the page (white on white), whose
    /// shadow, offset down, shows beside and below it but not above. The component is that shadow,
    /// a ring open at the top: its sides and bottom are drawn, its inside is the page. The card is
    /// what the ring holds: from the inner edge of each side's band (the median over the middle
    /// rows) to the first row of the bottom band; its top is the component's, but not drawn, so
    /// the caller measures no padding below it. The caller has checked that the component is not
    /// filled; None for a small one.
    pub(super) fn open_top_card(&self, c: &Component) -> Option<(Rect, Rect)> {
        let b = c.bbox;
        if b.w() < MIN_SHADOW_CARD || b.h() < MIN_SHADOW_CARD {
            return None;
        }
        let (mid_lo, mid_hi) = (b.y0 + b.h() / 5, b.y1 - b.h() / 5);
        let (mut lefts, mut rights) = (Vec::new(), Vec::new());
        for row in by_row(c).filter(|row| (mid_lo..mid_hi).contains(&row[0].y)) {
            if row.len() < 2 {
                return None;
            }
            lefts.push(row[0].x1);
            rights.push(row[row.len() - 1].x0);
        }
        if lefts.is_empty() {
            return None;
        }
        lefts.sort_unstable();
        rights.sort_unstable();
        let (x0, x1) = (lefts[lefts.len() / 2], rights[rights.len() / 2]);
        let (lo, hi) = (b.x0 + b.w() / 5, b.x1 - b.w() / 5);
        // The bottom band: rows from the bottom up that cover the middle of the width.
        let band = (0..b.h() / 4)
            .take_while(|&d| row_cover(c, b.y1 - 1 - d, lo, hi))
            .count() as u32;
        let y1 = b.y1 - band;
        if band == 0 || x1 <= x0 + 2 * MIN_BOX || y1 <= b.y0 + 2 * MIN_BOX {
            return None;
        }
        let card = Rect {
            x0,
            y0: b.y0,
            x1,
            y1,
        };
        Some((card, card))
    }

    /// Moves in the sides a hard shadow widened. A hard shadow (a flat copy of the box offset down
    /// and right, or any way: neobrutalist alerts, cards and badges) steps from the page as hard as
    /// the box's own edge, so `refine_edges` keeps it. The sides it does not touch show the box's
    /// edge colour (its border, or its fill); a side whose outermost pixels are another flat colour
    /// moves in to where that edge colour starts. Read at the middle of each side, within a few
    /// pixels of the edge; a side whose band is not flat, is a single pixel (what a soft shadow
    /// leaves) or never reaches the colour stays. A shadow is offset, so its band stops short of
    /// one corner, where the page shows: a border on one side only (a sidebar's, a header's) runs
    /// the whole side and stays.
    pub(super) fn strip_hard_shadow(&self, b: Rect, bg: u32) -> Rect {
        let reach = (b.w().min(b.h()) / 4).min(MAX_HARD_SHADOW);
        let at = |side: usize, t: u32| self.mid_side(b, side, t);
        let outer: [u32; 4] = std::array::from_fn(|side| at(side, 0));
        let same = |a: u32, b: u32| diff(a, b) <= self.tol / 2;
        // The edge colour: shown by two sides at least (top, then left, first).
        let Some(edge) = [0usize, 2, 1, 3]
            .into_iter()
            .map(|side| outer[side])
            .find(|&c| outer.iter().filter(|&&o| same(o, c)).count() >= 2)
        else {
            return b;
        };
        // How far in from each side the edge colour runs.
        let thick: [u32; 4] = std::array::from_fn(|side| {
            (0..reach).take_while(|&t| same(at(side, t), edge)).count() as u32
        });
        let mut offsets = [0u32; 4];
        for (side, offset) in offsets.iter_mut().enumerate() {
            let ends = match side {
                0 => [(b.x0, b.y0), (b.x1 - 1, b.y0)],
                1 => [(b.x0, b.y1 - 1), (b.x1 - 1, b.y1 - 1)],
                2 => [(b.x0, b.y0), (b.x0, b.y1 - 1)],
                _ => [(b.x1 - 1, b.y0), (b.x1 - 1, b.y1 - 1)],
            };
            let offset_corner = ends.iter().any(|&(x, y)| same(self.raster.at(x, y), bg));
            if same(outer[side], edge) {
                // A shadow in the border's own colour (a white copy of a white-bordered card):
                // the side's border reads thicker than the opposite one's, and the extra stops
                // short of a corner, where a thick border or a footer would run the whole side.
                let extra = thick[side].saturating_sub(thick[side ^ 1]);
                if extra >= 2 && thick[side] < reach && offset_corner {
                    *offset = extra;
                }
                continue;
            }
            let band = (1..reach)
                .take_while(|&t| same(at(side, t), outer[side]))
                .count() as u32
                + 1;
            if band >= 2 && band < reach && same(at(side, band), edge) && offset_corner {
                *offset = band;
            }
        }
        // A shadow is offset, not drawn around: at most two sides, and never two opposite ones.
        let moved: Vec<usize> = (0..4).filter(|&s| offsets[s] > 0).collect();
        if moved.len() > 2 || (moved.len() == 2 && moved[0] / 2 == moved[1] / 2) {
            return b;
        }
        inset(b, offsets)
    }
}

/// An outline's hard offset shadow in its own colour, drawn against it (as `strip_hard_shadow`
/// for filled boxes): the ring reads thicker on the right or at the bottom than the border, by
/// an amount that stops short of the corner it is offset from. Returns the box without it.
pub(super) fn strip_outline_shadow(c: &Component, b: Rect, border: u32, right_w: u32) -> Rect {
    let (lo, hi) = (b.x0 + b.w() / 5, b.x1 - b.w() / 5);
    let bottom_w = (0..b.h() / 4)
        .take_while(|&d| row_cover(c, b.y1 - 1 - d, lo, hi))
        .count() as u32;
    let row_end = |y: u32| c.runs.iter().filter(|r| r.y == y).map(|r| r.x1).max();
    let row_start = |y: u32| c.runs.iter().filter(|r| r.y == y).map(|r| r.x0).min();
    let right = right_w.saturating_sub(border);
    // At the top the shadow has not begun: the ring ends that much short of the box's right.
    let right =
        if right >= 2 && right <= b.w() / 4 && row_end(b.y0).is_some_and(|x| x + right <= b.x1 + 1)
        {
            right
        } else {
            0
        };
    let below = bottom_w.saturating_sub(border);
    let below = if below >= 2 && row_start(b.y1 - 1).is_some_and(|x| x + 1 >= b.x0 + below) {
        below
    } else {
        0
    };
    Rect {
        x1: b.x1 - right,
        y1: b.y1 - below,
        ..b
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::Run;

    /// A ring `border` px thick around (x0, y0)–(x1, y1), with its copy `shadow` px down and right
    /// showing outside it, as one component's runs.
    fn ring_with_shadow(x0: u32, y0: u32, x1: u32, y1: u32, border: u32, shadow: u32) -> Component {
        let mut runs = Vec::new();
        for y in y0..y1 + shadow {
            let in_card = y < y1;
            let band = y < y0 + border || (y1 - border..y1).contains(&y);
            let mut row: Vec<(u32, u32)> = Vec::new();
            if in_card && band {
                row.push((x0, x1));
            } else if in_card {
                row.push((x0, x0 + border));
                row.push((x1 - border, x1));
            }
            // The shadow: a solid copy offset by `shadow`, seen only outside the card.
            if y >= y0 + shadow {
                if in_card {
                    row.push((x1, x1 + shadow));
                } else {
                    row.push((x0 + shadow, x1 + shadow));
                }
            }
            row.sort_unstable();
            let mut merged: Vec<(u32, u32)> = Vec::new();
            for (a, b) in row {
                match merged.last_mut() {
                    Some(last) if a <= last.1 => last.1 = last.1.max(b),
                    _ => merged.push((a, b)),
                }
            }
            runs.extend(merged.into_iter().map(|(a, b)| Run { y, x0: a, x1: b }));
        }
        let pixels = runs.iter().map(|r| r.x1 - r.x0).sum();
        let bbox = Rect {
            x0,
            y0,
            x1: x1 + shadow,
            y1: y1 + shadow,
        };
        Component { bbox, pixels, runs }
    }

    #[test]
    fn an_outline_s_hard_shadow_in_its_own_colour_is_stripped() {
        // Regression (HyperUI's neobrutalist cards on a dark page, 2×): the ring read 12 px on the
        // right and at the bottom, its inside held an L of shadow framing the text, and nothing in
        // the card was measured.
        let c = ring_with_shadow(100, 50, 500, 250, 4, 8);
        assert_eq!(
            strip_outline_shadow(&c, c.bbox, 4, 12),
            Rect {
                x0: 100,
                y0: 50,
                x1: 500,
                y1: 250
            }
        );
        // A ring without a shadow keeps its box.
        let plain = ring_with_shadow(100, 50, 500, 250, 4, 0);
        assert_eq!(strip_outline_shadow(&plain, plain.bbox, 4, 4), plain.bbox);
    }
}
