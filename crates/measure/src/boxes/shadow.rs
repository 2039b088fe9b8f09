//! Shadows read as part of a box. Hard offset shadows: a solid copy of a box a few pixels down
//! and right (neobrutalist cards, alerts and badges), which steps from the page as hard as the
//! box's own edge; read as part of the box, it makes the box too big and puts a strip of shadow
//! inside it. Soft shadows: heavier below a box than beside it, so the band around its inside is
//! not as wide on every side (`inside_bands`, `ring_inside`).

use super::{
    by_row, inset, row_cover, shrink, BoxReader, MAX_HARD_SHADOW, MIN_BOX, MIN_SHADOW_CARD,
};
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

    /// The inside of a filled box `b` whose border (with any shadow fringe) is `bw` px wide at the
    /// middle of its left side: each side moves in past the pixels at its middle that differ
    /// from the fill, when there are at most `2 bw + 2` of them. A soft shadow falls heavier below
    /// than beside a box, and an accent border is thicker on one side (a card's coloured top):
    /// moving each side in by the left side's width left the rest of the bottom border, or
    /// of the accent, inside the box, read as a line there. More than that is a bar drawn inside
    /// the box (a card's header), which keeps the left side's width.
    pub(super) fn inside_bands(&self, b: Rect, fill: u32, bw: u32) -> Rect {
        let cap = 2 * bw + 2;
        let width = |side: usize| -> u32 {
            let reach = if side < 2 { b.h() } else { b.w() } / 3;
            let n = self.off_fill(b, side, fill, reach.min(cap + 1));
            // A pixel either way is the anti-aliasing of one side and not of another.
            if n <= cap && n.abs_diff(bw) >= 2 {
                n
            } else {
                bw
            }
        };
        let r = Rect {
            y0: b.y0 + width(0),
            y1: b.y1 - width(1),
            x0: b.x0 + bw,
            x1: b.x1 - width(3),
        };
        if r.w() < 2 || r.h() < 2 {
            shrink(b, bw)
        } else {
            r
        }
    }

    /// The inside of an outlined box on a page of colour `bg` whose ring is `b`, `border` px
    /// thick on its sides, with `outer` its box without a hard shadow. Above and below, the
    /// inside begins past the rows of the border's own colour: a soft shadow under a bordered
    /// card (an alert's `shadow-sm`) adds full rows below the border, several at 2.625×, and
    /// moving in by the side border's width alone left the bottom border inside the box, read as
    /// a line in it (the paddings above it measured short, or not at all).
    pub(super) fn ring_inside(
        &self,
        c: &Component,
        b: Rect,
        bg: u32,
        border: u32,
        outer: Rect,
    ) -> Rect {
        let inside = shrink(outer, border);
        let mid_y = b.y0 + b.h() / 2;
        // The border's colour: the pixel of the left side's band that stands out most from the
        // page (a shadow's pixels fade into it).
        let colour = (b.x0..b.x0 + border)
            .map(|x| self.raster.at(x, mid_y))
            .max_by_key(|&p| diff(p, bg))
            .unwrap_or(bg);
        let (lo, hi) = (b.x0 + b.w() / 5, b.x1 - b.w() / 5);
        let x = b.x0 + b.w() / 2;
        // From the side inward: shadow rows, then the border's rows, then at most one blended
        // row; the inside starts after them. None when no row of the border's colour is met.
        let band = |row: &dyn Fn(u32) -> u32| -> Option<u32> {
            let reach = b.h() / 4;
            let drawn = |d: u32| row_cover(c, row(d), lo, hi);
            let bordered = |d: u32| diff(self.raster.at(x, row(d)), colour) <= self.tol;
            let shadow = (0..reach).take_while(|&d| drawn(d) && !bordered(d)).count() as u32;
            let line = (shadow..reach)
                .take_while(|&d| drawn(d) && bordered(d))
                .count() as u32;
            if line == 0 || shadow + line >= reach {
                return None;
            }
            let end = shadow + line;
            Some(end + u32::from(drawn(end) && !bordered(end)))
        };
        let top = band(&|d| b.y0 + d).map_or(inside.y0, |t| inside.y0.max(b.y0 + t));
        let bottom = band(&|d| b.y1 - 1 - d).map_or(inside.y1, |t| inside.y1.min(b.y1 - t));
        if bottom <= top + 1 {
            return inside;
        }
        Rect {
            y0: top,
            y1: bottom,
            ..inside
        }
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
    use crate::components::{label, Run};
    use crate::raster::Raster;

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

    /// A raster of `w` × `h` white pixels, with `paint` applied.
    fn raster(w: u32, h: u32, paint: impl Fn(u32, u32) -> Option<u32>) -> Raster {
        Raster::painted(w, h, |x, y| paint(x, y).unwrap_or(0xFFFFFF))
    }

    /// HyperUI's alert at 2.625×, as rendered: a box filled `fill` with a 3 px #00c950 border
    /// from (63, 63) to (1019, 315), `shadow-sm` fading over 3 px beside and above it and 6 below.
    fn soft_shadowed_alert(fill: u32, x: u32, y: u32) -> Option<u32> {
        const BELOW: [u32; 6] = [0xE1E1E1, 0xE7E7E7, 0xEDEDED, 0xF2F2F2, 0xF7F7F7, 0xFBFBFB];
        const BESIDE: [u32; 3] = [0xF7F7F7, 0xF9F9F9, 0xFBFBFB];
        let (x0, y0, x1, y1) = (63, 63, 1019, 315);
        let inside = (x0..x1).contains(&x) && (y0..y1).contains(&y);
        if inside {
            let border = x < x0 + 3 || x >= x1 - 3 || y < y0 + 3 || y >= y1 - 3;
            return Some(if border { 0x00C950 } else { fill });
        }
        if (y1..y1 + 6).contains(&y) && (x0 - 3..x1 + 3).contains(&x) {
            return Some(BELOW[(y - y1) as usize]);
        }
        let out = [
            x0.saturating_sub(x + 1),
            x.saturating_sub(x1),
            y0.saturating_sub(y + 1),
        ]
        .into_iter()
        .max()
        .unwrap_or(0);
        (out < 3 && (x0 - 3..x1 + 3).contains(&x) && y + 3 >= y0).then(|| BESIDE[out as usize])
    }

    /// The widest shape on a page of colour `bg`, as `as_box` reads it: its outer and inner edges.
    fn read_widest(r: &Raster, bg: u32) -> (Rect, Rect) {
        let c = label(r, Rect::covering(r), bg, 4)
            .into_iter()
            .max_by_key(|c| c.bbox.w())
            .expect("a shape");
        let mut reader = BoxReader {
            raster: r,
            tol: 4,
            lossy: false,
            line_widths: Vec::new(),
            cropped: Vec::new(),
            open_top: Vec::new(),
        };
        reader.as_box(&c, bg, 1).expect("a box")
    }

    /// The alert filled `fill` on a white page, as `as_box` reads it: its outer and inner edges.
    fn alert(fill: u32) -> (Rect, Rect) {
        read_widest(
            &raster(1082, 340, |x, y| soft_shadowed_alert(fill, x, y)),
            0xFFFFFF,
        )
    }

    #[test]
    fn a_soft_shadow_below_a_bordered_box_is_not_inside_it() {
        // Regression (HyperUI's alerts at 2.625×): the inside was the box moved in by its left
        // side's band (3 px of shadow, 3 of border) on every side, 3 px past the bottom border's
        // top: the border was read as a line inside the alert, and the text's 16 px bottom
        // padding as a gap to that line. Filled, and outlined on a white page (a ring).
        for fill in [0xF0FDF4, 0xFFFFFF] {
            let (_, inner) = alert(fill);
            // The inside ends where the bottom border begins; the other sides are the border's
            // inner edge, within the pixel of shadow the band beside the box may add.
            assert_eq!(inner.y1, 312, "{fill:06x}: {inner:?}");
            for (got, edge) in [(inner.x0, 66), (inner.y0, 66), (inner.x1, 1016)] {
                assert!(got.abs_diff(edge) <= 1, "{fill:06x}: {inner:?}");
            }
        }
    }

    #[test]
    fn a_filled_box_in_a_faint_soft_shadow_all_round_is_its_border_box() {
        // Regression (HyperUI's alerts at 2.625×): the shadow's faint outermost pixels are alike on
        // all four sides, which read as a border drawn all round, so the box was taken with its
        // shadow, and the gap to the next alert was measured from the shadow's end.
        let (outer, _) = alert(0xF0FDF4);
        assert_eq!(
            outer,
            Rect {
                x0: 63,
                y0: 63,
                x1: 1019,
                y1: 315
            }
        );
    }

    #[test]
    fn a_card_with_a_thick_top_accent_starts_below_it() {
        // A white card with a 1 px grey border and a 3 px blue top (AdminLTE's outlined cards) on
        // a grey page: moved in by the left side's 1 px on every side, its inside began on the
        // accent's second row, and the accent's last two rows were read as a line in the card.
        let r = raster(400, 200, |x, y| {
            let card = (20..380).contains(&x) && (20..180).contains(&y);
            Some(if !card {
                0xF4F6F9
            } else if y < 23 {
                0x007BFF
            } else if x == 20 || x == 379 || y == 179 {
                0xCED4DA
            } else {
                0xFFFFFF
            })
        });
        let (_, inner) = read_widest(&r, 0xF4F6F9);
        assert_eq!(
            inner,
            Rect {
                x0: 21,
                y0: 23,
                x1: 379,
                y1: 179
            }
        );
    }
}
