//! Text: glyph components grouped into words and lines ([`group`]), and the CSS line box around a
//! line's ink ([`line_box`], in `line_box.rs`).

use crate::components::{Component, Rect};
use crate::elements::{Item, ItemKind};
use crate::raster::{diff, Raster};

mod line_box;

pub use line_box::{block_pitches, line_box, line_heights, LineHeights};

/// The rows of a shape's ink in a lossy image: those that reach at least half its strongest
/// contrast. Compression rings around strong edges (white text on a dark button) with halos a row
/// or two deep that differ from the background by more than the lossy tolerance; counted as ink
/// they make every glyph taller, so the line box read from its height is too tall and the padding
/// around it too small (6 px button paddings read as 3 and 4). Columns are left as labelled: the
/// horizontal halo is thinner than the gaps between words, and trimming it made them wider.
pub(crate) fn ink_rows(raster: &Raster, c: &Component, bg: u32) -> Rect {
    let b = c.bbox;
    let mut rows = vec![0u32; b.h() as usize];
    for r in &c.runs {
        let row = &mut rows[(r.y - b.y0) as usize];
        for x in r.x0..r.x1 {
            *row = (*row).max(diff(raster.at(x, r.y), bg));
        }
    }
    let peak = rows.iter().copied().max().unwrap_or(0);
    let strong = |v: &u32| 2 * *v >= peak;
    match (rows.iter().position(strong), rows.iter().rposition(strong)) {
        (Some(top), Some(bottom)) => Rect {
            y0: b.y0 + top as u32,
            y1: b.y0 + bottom as u32 + 1,
            ..b
        },
        _ => b,
    }
}

/// Groups glyph components into words and lines: pieces close along a line (letters, dots of i
/// and j, accents) join first, then words join into lines when the space between them is a word
/// space rather than a layout gap. Single square-ish shapes as tall as the text are kept apart:
/// they are icons, and the gap beside them is a designed one.
pub fn group(pieces: &[Rect]) -> Vec<Item> {
    let n = pieces.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by_key(|&i| pieces[i].x0);
    let giant = lone_giants(pieces);

    // Pass 1: letters into words.
    join(pieces, &order, &giant, &mut parent, |i, j| {
        !giant[i]
            && !giant[j]
            && (stacked(&pieces[i], &pieces[j]) || inline(&pieces[i], &pieces[j]))
    });
    let mut groups: Vec<(Rect, u32)> = Vec::new();
    let mut gi = vec![usize::MAX; n];
    for (i, piece) in pieces.iter().enumerate() {
        let r = root(&mut parent, i);
        if gi[r] == usize::MAX {
            gi[r] = groups.len();
            groups.push((*piece, 0));
        }
        let g = &mut groups[gi[r]];
        g.0 = g.0.union(piece);
        g.1 += 1;
    }

    // Pass 2: words into lines.
    let rects: Vec<Rect> = groups.iter().map(|g| g.0).collect();
    let icon = |i: usize| {
        let (r, count) = groups[i];
        count == 1 && r.w() * 4 >= r.h() * 3 && r.w() * 3 <= r.h() * 4
    };
    let giant_group: Vec<bool> = {
        let mut g = vec![false; groups.len()];
        for (i, &is_giant) in giant.iter().enumerate() {
            if is_giant {
                g[gi[root(&mut parent, i)]] = true;
            }
        }
        g
    };
    let mut parent2: Vec<usize> = (0..rects.len()).collect();
    let mut order2: Vec<usize> = (0..rects.len()).collect();
    order2.sort_unstable_by_key(|&i| rects[i].x0);
    join(&rects, &order2, &giant_group, &mut parent2, |ia, ib| {
        if giant_group[ia] || giant_group[ib] {
            return false;
        }
        let (a, b) = (&rects[ia], &rects[ib]);
        let h = a.h().max(b.h());
        let gap = b.x0.saturating_sub(a.x1).max(a.x0.saturating_sub(b.x1));
        // Two lone letters of a letter-spaced caps label (MORE TO READ: 0.3 to 0.45 of their
        // height apart) look like icons one by one; icons side by side stand farther apart.
        let spaced_letters = groups[ia].1 == 1
            && groups[ib].1 == 1
            && a.h().abs_diff(b.h()) * 10 <= h
            && gap * 20 <= h * 9;
        let iconic = gap * 10 >= h * 3
            && !spaced_letters
            && ((icon(ia) && a.h() * 10 >= b.h() * 9) || (icon(ib) && b.h() * 10 >= a.h() * 9));
        !iconic && 3 * a.v_overlap(b) >= 2 * a.h().min(b.h()) && gap * 10 <= h * 6
    });
    let mut lines: Vec<(Rect, u32)> = Vec::new();
    let mut li = vec![usize::MAX; rects.len()];
    for i in 0..rects.len() {
        let r = root(&mut parent2, i);
        if li[r] == usize::MAX {
            li[r] = lines.len();
            lines.push((rects[i], 0));
        }
        let l = &mut lines[li[r]];
        l.0 = l.0.union(&rects[i]);
        l.1 += groups[i].1;
    }
    // The baseline: the bottom most letters share (descenders and commas hang below it).
    let mut bottoms: Vec<Vec<u32>> = vec![Vec::new(); lines.len()];
    for (i, p) in pieces.iter().enumerate() {
        let word = gi[root(&mut parent, i)];
        let line = li[root(&mut parent2, word)];
        bottoms[line].push(p.y1);
    }
    lines
        .into_iter()
        .zip(bottoms)
        .map(|((rect, count), b)| {
            let text = count >= 2;
            Item {
                rect,
                kind: if text {
                    ItemKind::Text
                } else {
                    ItemKind::Graphic
                },
                baseline: if text { mode(&b) } else { None },
            }
        })
        .collect()
}

/// A region's glyph pieces that can be letters (none taller than [`GIANT`] times their median
/// height: a display heading's letters are many and alike; a card is not one), sorted by left edge,
/// to ask of a shape read as a box whether it is a letter of a word.
pub struct LetterPieces {
    sorted: Vec<Rect>,
    widest: u32,
    tallest: u32,
}

impl LetterPieces {
    /// With fewer than three pieces there is no text to be a letter of (a lone blob's median is
    /// itself).
    pub fn new(glyphs: &[Rect]) -> Self {
        let mut heights: Vec<u32> = glyphs.iter().map(Rect::h).collect();
        heights.sort_unstable();
        let tallest = match heights.get(heights.len() / 2) {
            Some(&m) if glyphs.len() >= 3 => GIANT * m,
            _ => 0,
        };
        let mut sorted: Vec<Rect> = glyphs
            .iter()
            .filter(|g| g.h() <= tallest)
            .copied()
            .collect();
        sorted.sort_unstable_by_key(|g| g.x0);
        let widest = sorted.iter().map(Rect::w).max().unwrap_or(0);
        Self {
            sorted,
            widest,
            tallest,
        }
    }

    /// Whether a shape read as a box is a letter of a word: a letter piece of about its height
    /// stands beside it, facing it over a letter space (what [`inline`] joins). A bold o or a 0 at
    /// 1x is a closed ring with straight-enough sides; a checkbox or a badge beside its label
    /// stands a word space or more away, a button is taller than the letters beside it, a badge is
    /// wider than tall, and a sidebar beside a blob of cards as tall as it is no letter at all.
    pub fn letter_in_word(&self, shape: &Rect) -> bool {
        let h = shape.h();
        // Letters that close into rings (o, O, 0, D) are no wider than they are tall, give or take.
        if h > self.tallest || shape.w() * 4 > h * 5 {
            return false;
        }
        // Only pieces whose left edge is within a letter space (of the taller piece: 1.6 h) of
        // the shape, or a widest piece's width before it, can face it: a page of bold text has
        // thousands of pieces and hundreds of rings.
        let reach = (h * 16 * 3).div_ceil(100);
        let lo = shape.x0.saturating_sub(self.widest + reach);
        let from = self.sorted.partition_point(|g| g.x0 < lo);
        self.sorted[from..]
            .iter()
            .take_while(|g| g.x0 <= shape.x1 + reach)
            .any(|g| {
                g.h() * 10 >= h * 6
                    && g.h() * 10 <= h * 16
                    && inline(shape, g)
                    && 3 * shape.v_overlap(g) >= 2 * h.min(g.h())
            })
    }
}

/// Two pieces of one letter, one above the other: the dot of an i or j over its stem, an accent
/// over its letter.
fn stacked(a: &Rect, b: &Rect) -> bool {
    let h = a.h().max(b.h());
    a.h_overlap(b) > 0 && {
        let vgap = b.y0.saturating_sub(a.y1).max(a.y0.saturating_sub(b.y1));
        vgap * 4 <= h && a.h().min(b.h()) * 2 <= h
    }
}

/// Two letters of one word, side by side: facing each other over less than 0.3 of their height.
fn inline(a: &Rect, b: &Rect) -> bool {
    let h = a.h().max(b.h());
    let gap = b.x0.saturating_sub(a.x1).max(a.x0.saturating_sub(b.x1));
    2 * a.v_overlap(b) >= a.h().min(b.h()) && gap * 10 <= h * 3
}

/// Pieces too tall to be letters among these glyphs: more than `GIANT` times the median piece's
/// height, with no two others of about their height (a heading's letters are many and alike). An
/// avatar joined to the field beside it, a chart, a photo's outline: grouped with the letters
/// around them they made one "line" across the whole form, and every gap in it was lost.
fn lone_giants(pieces: &[Rect]) -> Vec<bool> {
    let mut heights: Vec<u32> = pieces.iter().map(Rect::h).collect();
    heights.sort_unstable();
    let Some(&median) = heights.get(heights.len() / 2) else {
        return Vec::new();
    };
    pieces
        .iter()
        .map(|p| {
            let h = p.h();
            h > GIANT * median.max(1) && {
                let (lo, hi) = (h * 7 / 10, h * 13 / 10);
                // `heights` is sorted: the count in [lo, hi] by two binary searches.
                heights.partition_point(|&o| o <= hi) - heights.partition_point(|&o| o < lo) < 3
            }
        })
        .collect()
}

/// See [`lone_giants`].
const GIANT: u32 = 3;

/// The representative of `i` in a union-find forest, halving paths on the way.
fn root(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

/// Unions every pair of rectangles (scanned in `order`, sorted by left edge) that `close` accepts,
/// looking right only as far as a gap could still be accepted.
fn join(
    rects: &[Rect],
    order: &[usize],
    apart: &[bool],
    parent: &mut [usize],
    close: impl Fn(usize, usize) -> bool,
) {
    // `close` never joins a piece kept `apart` (a lone giant), so the reach of a join is the
    // tallest of the others: one photo as tall as the page made every pair a candidate.
    let max_h = rects
        .iter()
        .zip(apart)
        .filter(|(_, &a)| !a)
        .map(|(r, _)| r.h())
        .max()
        .unwrap_or(0);
    for (k, &i) in order.iter().enumerate() {
        let a = rects[i];
        for &j in &order[k + 1..] {
            let b = rects[j];
            if b.x0 > a.x1 + max_h {
                break;
            }
            if close(i, j) {
                let (ra, rb) = (root(parent, i), root(parent, j));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
}

fn mode(values: &[u32]) -> Option<u32> {
    let mut v = values.to_vec();
    v.sort_unstable();
    let mut best: Option<(u32, usize)> = None;
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j < v.len() && v[j] == v[i] {
            j += 1;
        }
        // Ties go to the lower row: the baseline, not the x-height of a line of dots.
        if best.is_none_or(|(_, n)| j - i >= n) {
            best = Some((v[i], j - i));
        }
        i = j;
    }
    best.map(|(y, _)| y)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_letters_compression_halo_is_not_its_ink() {
        // A white 6 x 11 letter on a dark button, with the faint rows compression leaves above and
        // below it (20 levels off the fill, past the lossy tolerance): the ink is the letter alone.
        let (w, h, bg) = (20u32, 20u32, 0x3F474E);
        let r = Raster::painted(w, h, |x, y| match (x, y) {
            (7..13, 5..16) => 0xFFFFFF,
            (6..14, 3..5) | (6..14, 16..18) => 0x535B62,
            _ => bg,
        });
        let comps = crate::components::label(&r, rect(0, 0, w, h), bg, 14);
        assert_eq!(comps.len(), 1);
        assert_eq!(
            comps[0].bbox,
            rect(6, 3, 8, 15),
            "the halo is labelled with the letter"
        );
        assert_eq!(ink_rows(&r, &comps[0], bg), rect(6, 5, 8, 11));
    }

    /// A rectangle from its top-left corner and size (the text tests' shorthand).
    pub(crate) fn rect(x0: u32, y0: u32, w: u32, h: u32) -> Rect {
        Rect {
            x0,
            y0,
            x1: x0 + w,
            y1: y0 + h,
        }
    }

    #[test]
    fn an_avatar_joined_to_a_field_is_not_a_letter_of_the_name_above_it() {
        // Regression (AdminLTE's lock screen at 2x): a 600x160 ring-plus-field shape sat 6 px under
        // the user's name; stacked like an accent on a letter, it joined the name, and the "line"
        // spanned the whole form, so every gap on the page was lost.
        let mut pieces: Vec<Rect> = (0..8).map(|i| rect(1210 + i * 20, 300, 16, 24)).collect();
        pieces.push(rect(970, 330, 600, 160));
        pieces.extend((0..10).map(|i| rect(1000 + i * 22, 520, 18, 24)));
        let items = group(&pieces);
        let giant = items
            .iter()
            .find(|it| it.rect.h() == 160)
            .expect("the shape stands alone");
        assert_eq!(giant.kind, ItemKind::Graphic);
        assert_eq!(
            items.iter().filter(|it| it.kind == ItemKind::Text).count(),
            2
        );
        assert!(items
            .iter()
            .all(|it| it.rect.h() == 160 || it.rect.h() == 24));
    }

    #[test]
    fn a_letter_spaced_caps_label_is_one_line_not_a_row_of_icons() {
        // Regression (Bulma's "MORE TO READ" menu label at 3x, letter-spacing 0.1em): each capital
        // is one square-ish piece 0.32 of its height from the next, so each stood apart as an
        // icon and every letter space was measured as a 1 px gap beside it.
        let widths = [30u32, 31, 25, 22, 10, 24, 31, 10, 25, 22, 28, 27];
        let mut x = 100;
        let pieces: Vec<Rect> = widths
            .iter()
            .map(|&w| {
                let r = rect(x, 200, w, 31);
                x += w + 10;
                r
            })
            .collect();
        let items = group(&pieces);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].kind, ItemKind::Text);
    }

    #[test]
    fn a_ring_among_letters_is_a_letter_and_a_badge_beside_digits_is_not() {
        // A bold o (11 px ring) a pixel from its d; a 72 x 24 badge 3 px from 24 px digits.
        let glyphs = [rect(0, 0, 9, 15), rect(22, 4, 8, 11), rect(100, 0, 14, 24)];
        let pieces = LetterPieces::new(&glyphs);
        assert!(pieces.letter_in_word(&rect(10, 4, 11, 11)));
        assert!(!pieces.letter_in_word(&rect(117, 0, 72, 24)));
        // A checkbox a word space from its label.
        let label = [
            rect(24, 33, 8, 11),
            rect(34, 33, 8, 11),
            rect(44, 30, 3, 14),
        ];
        assert!(!LetterPieces::new(&label).letter_in_word(&rect(0, 30, 16, 16)));
        // Two pieces are no text: a sidebar beside a blob of cards as tall as it.
        let blob = [rect(474, 110, 632, 690), rect(10, 10, 8, 11)];
        assert!(!LetterPieces::new(&blob).letter_in_word(&rect(0, 0, 300, 800)));
    }

    #[test]
    fn a_heading_of_tall_letters_stays_text_beside_small_ones() {
        // Many alike tall pieces are a heading's letters, not a lone graphic.
        let mut pieces: Vec<Rect> = (0..6).map(|i| rect(i * 60, 0, 50, 80)).collect();
        pieces.extend((0..20).map(|i| rect(i * 12, 120, 10, 16)));
        let items = group(&pieces);
        assert!(items.iter().all(|it| it.kind == ItemKind::Text));
    }
}
