//! Text: glyph components grouped into words and lines, and the CSS line box around a line's ink.
//!
//! The visible ink of a line sits inside a taller line box: above the capitals is the font's
//! ascent and half the leading, below the baseline its descent and the other half. CSS padding and
//! gaps end at the line box, so distances to ink overstate them by several pixels. The engine
//! estimates the font size from the ink (capital and ascender height is about 0.73 em in common UI
//! fonts), the line height from the page's own paragraphs (baseline to baseline; headings, 1.3× the
//! body size or more, are set tight as type scales do),
//! and places the line box the way browsers do: the glyph box (ascent + descent, about 1.14 em)
//! centred in the line.

use crate::components::Rect;
use crate::elements::{Item, ItemKind};

/// Height of capitals and ascenders above the baseline, in em.
const ASCENDER_INK: f64 = 0.73;
/// Font ascent (hhea) above the baseline, in em.
const ASCENT: f64 = 0.91;
/// Font ascent plus descent, in em: the glyph box browsers centre in the line box.
const CONTENT: f64 = 1.14;
/// CSS line height over font size when the page has no paragraph to read it from.
const DEFAULT_RATIO: f64 = 1.5;
/// How far the top of a line box sits below where the glyph-box model puts it, in em. The font
/// size read from the ink comes out large (anti-aliased rows, ascenders above cap height), which
/// moves the computed top 2.6 times as far as the bottom: on the tuning sources a top padding
/// to text read a pixel short (1×: 371 of 1 486 −1 px, 148 −2 px, 203 exact; the bottom paddings
/// were right), a pixel of 14–16 px body text. Only the top moves. Tuning F1 0.735 → 0.742 (0.04
/// em: 0.737; 0.10 em: 0.742), base units unchanged (206 of 211).
const TOP_CORRECTION: f64 = 0.07;

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
    join(pieces, &order, &mut parent, |i, j| {
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
    join(&rects, &order2, &mut parent2, |ia, ib| {
        if giant_group[ia] || giant_group[ib] {
            return false;
        }
        let (a, b) = (&rects[ia], &rects[ib]);
        let h = a.h().max(b.h());
        let gap = b.x0.saturating_sub(a.x1).max(a.x0.saturating_sub(b.x1));
        let iconic = gap * 10 >= h * 3
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

/// Whether a solid shape that reads as a filled box is a stroke of a large letter: the l or the
/// stem and dot of an i in a bold display heading are solid rectangles, and as boxes they cut the
/// heading into words a few pixels apart. It is one when it would join a letter beside it (as
/// [`group`]'s first pass joins letters) that is at least half its height.
pub fn letter_stroke(shape: &Rect, letters: &[Rect]) -> bool {
    letters
        .iter()
        .any(|l| 2 * l.h() >= shape.h() && inline(shape, l))
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
                heights.iter().filter(|&&o| (lo..=hi).contains(&o)).count() < 3
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
    parent: &mut [usize],
    close: impl Fn(usize, usize) -> bool,
) {
    let max_h = rects.iter().map(Rect::h).max().unwrap_or(0);
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

/// Font size in px of a line, from its ascender ink height.
fn font_size(ink: Rect, baseline: u32) -> f64 {
    f64::from(baseline.saturating_sub(ink.y0)) / ASCENDER_INK
}

/// Line height over font size of headings: display type is set tight (1.1 to 1.25 in common type
/// scales and CSS frameworks), body text loose. Not read from the page: headings rarely wrap, and
/// two large lines one above the other are more often two items (stat values in a column) than one
/// heading.
const HEADING_RATIO: f64 = 1.2;
/// Text this much larger than the page's body text is a heading, with its own line height.
const HEADING_SIZE: f64 = 1.3;

/// The line height of paragraphs among baseline-to-baseline distances (over font size) of lines
/// one above the other: the smallest that repeats (within 3 %). Lines of one paragraph repeat the
/// same pitch exactly; separate items stacked with a gap (list rows, a label over its field) are
/// farther apart, so the typical distance overstates the line height.
fn paragraph_pitch(mut ratios: Vec<f64>) -> f64 {
    if ratios.len() < 2 {
        return DEFAULT_RATIO;
    }
    ratios.sort_unstable_by(f64::total_cmp);
    ratios
        .windows(2)
        .find(|w| w[1] <= w[0] * 1.03)
        .map_or(ratios[ratios.len() / 2], |w| (w[0] + w[1]) / 2.0)
}

/// The shortest line, in em, that reads as part of a wrapped paragraph.
const PARAGRAPH_EM: f64 = 15.0;
/// The longest word, in em, that wrapping moves to the next line.
const LONG_WORD_EM: f64 = 6.0;

/// Line heights over font size on one page: body text's, read from the page (headings' are
/// `HEADING_RATIO`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineHeights {
    /// The median font size of the page's text lines, in px.
    pub body_font: f64,
    pub body: f64,
}

impl LineHeights {
    /// The ratio for text of `font` px.
    pub fn ratio(&self, font: f64) -> f64 {
        if self.body_font > 0.0 && font >= HEADING_SIZE * self.body_font {
            HEADING_RATIO
        } else {
            self.body
        }
    }
}

/// Line heights: body text's read from lines one above the other (left-aligned, the same font
/// size, baselines between 1 and 2.2 em apart; see `paragraph_pitch`), headings' from common
/// practice.
pub fn line_heights<'a>(items: impl Iterator<Item = &'a Item>) -> LineHeights {
    let lines: Vec<(Rect, u32, f64)> = items
        .filter_map(|it| match (it.kind, it.baseline) {
            (ItemKind::Text, Some(b)) => Some((it.rect, b, font_size(it.rect, b))),
            _ => None,
        })
        .filter(|l| l.2 >= 6.0)
        .collect();
    let mut fonts: Vec<f64> = lines.iter().map(|l| l.2).collect();
    fonts.sort_unstable_by(f64::total_cmp);
    let body_font = fonts.get(fonts.len() / 2).copied().unwrap_or(0.0);
    let mut body: Vec<f64> = Vec::new();
    for a in lines.iter().filter(|l| l.2 < HEADING_SIZE * body_font) {
        let next = lines
            .iter()
            .filter(|b| b.1 > a.1 && b.0.x0.abs_diff(a.0.x0) <= 2 && (b.2 / a.2 - 1.0).abs() < 0.1)
            .min_by_key(|b| b.1);
        // A wrapped line: the upper one is long (a paragraph's measure, not a label or a list
        // entry) and the lower one no longer than the upper plus the word that did not fit.
        let wrapped = |b: &(Rect, u32, f64)| {
            let (upper, lower) = (f64::from(a.0.w()), f64::from(b.0.w()));
            upper >= PARAGRAPH_EM * a.2 && lower <= upper + LONG_WORD_EM * a.2
        };
        if let Some(b) = next.filter(|b| wrapped(b)) {
            let r = f64::from(b.1 - a.1) / a.2;
            if (1.0..=2.2).contains(&r) {
                body.push(r);
            }
        }
    }
    LineHeights {
        body_font,
        body: paragraph_pitch(body),
    }
}

/// The CSS line box of a text line: its ink's horizontal extent, and vertically the line height
/// around the glyph box the way browsers place it. Kept inside the region it was found in.
pub fn line_box(ink: Rect, baseline: u32, heights: &LineHeights, region: Rect) -> Rect {
    let f = font_size(ink, baseline);
    if f < 4.0 {
        return ink;
    }
    let line = heights.ratio(f) * f;
    let top = f64::from(baseline) - ASCENT * f - (line - CONTENT * f) / 2.0;
    let y0 = ((top + TOP_CORRECTION * f).round().max(f64::from(region.y0)) as u32).min(ink.y0);
    let y1 = ((top + line).round().min(f64::from(region.y1)) as u32).max(ink.y1);
    Rect { y0, y1, ..ink }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x0: u32, top: u32, w: u32, font: f64) -> Item {
        // Ink from the ascender top to the baseline.
        let ink = (ASCENDER_INK * font).round() as u32;
        Item {
            rect: Rect {
                x0,
                y0: top,
                x1: x0 + w,
                y1: top + ink,
            },
            kind: ItemKind::Text,
            baseline: Some(top + ink),
        }
    }

    fn rect(x0: u32, y0: u32, w: u32, h: u32) -> Rect {
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
    fn a_heading_of_tall_letters_stays_text_beside_small_ones() {
        // Many alike tall pieces are a heading's letters, not a lone graphic.
        let mut pieces: Vec<Rect> = (0..6).map(|i| rect(i * 60, 0, 50, 80)).collect();
        pieces.extend((0..20).map(|i| rect(i * 12, 120, 10, 16)));
        let items = group(&pieces);
        assert!(items.iter().all(|it| it.kind == ItemKind::Text));
    }

    #[test]
    fn a_heading_gets_a_tight_line_box_not_the_paragraphs() {
        // Regression: a 30 px heading took the body's 1.5 line height, so its line box reached
        // 4 px too far above the ink and a 48 px gap above it read 45.
        let heights = LineHeights {
            body_font: 15.0,
            body: 1.5,
        };
        let page = Rect {
            x0: 0,
            y0: 0,
            x1: 800,
            y1: 800,
        };
        let h = line(100, 200, 300, 30.0);
        let b = line_box(h.rect, h.baseline.unwrap(), &heights, page);
        // 1.2 × 30 px, less the top's correction.
        let heading = (1.2 - TOP_CORRECTION) * 30.0;
        assert!(
            (f64::from(b.h()) - heading).abs() <= 1.0,
            "heading line box {} px",
            b.h()
        );
        let p = line(100, 400, 300, 15.0);
        let b = line_box(p.rect, p.baseline.unwrap(), &heights, page);
        let body = (1.5 - TOP_CORRECTION) * 15.0;
        assert!(
            (f64::from(b.h()) - body).abs() <= 1.0,
            "body line box {} px",
            b.h()
        );
    }

    #[test]
    fn stacked_labels_do_not_pass_for_a_paragraph() {
        // Regression: with no paragraph on the page, list entries 2 em apart were read as lines of
        // one, giving every control a line box a third too tall.
        let font = 15.0;
        let entries: Vec<Item> = (0..5).map(|i| line(40, 100 + i * 30, 80, font)).collect();
        assert_eq!(line_heights(entries.iter()).body, DEFAULT_RATIO);
        // A wrapped paragraph (long lines 21 px apart) beside the same entries sets it.
        let mut items = entries;
        items.extend((0..4).map(|i| line(400, 100 + i * 21, 400, font)));
        let body = line_heights(items.iter()).body;
        assert!((body - 21.0 / font).abs() < 0.05, "{body}");
    }
}
