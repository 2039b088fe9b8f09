//! The CSS line box around a text line's ink.
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

/// A text line: its ink, its baseline and its font size (px).
type Line = (Rect, u32, f64);

/// An item's text line, if it is a line of text with a baseline.
fn text_line(it: &Item) -> Option<Line> {
    match (it.kind, it.baseline) {
        (ItemKind::Text, Some(b)) => Some((it.rect, b, font_size(it.rect, b))),
        _ => None,
    }
}

/// Whether two lines are set in the same font size (within 10 %).
fn same_font(a: &Line, b: &Line) -> bool {
    (b.2 / a.2 - 1.0).abs() < 0.1
}

/// The baseline pitch (px) from `a` to `b`, the line under it, when `a` wraps into `b`: the upper
/// line is long, at least `long` px (a paragraph's measure, not a label or a list entry), the
/// lower one no longer than the upper plus the word that did not fit, and the baselines 1 to 2.2
/// em apart.
fn wrap_pitch(a: &Line, b: &Line, long: f64) -> Option<f64> {
    let (upper, lower) = (f64::from(a.0.w()), f64::from(b.0.w()));
    let pitch = f64::from(b.1 - a.1);
    let wrapped = upper >= long && lower <= upper + LONG_WORD_EM * a.2;
    (wrapped && (1.0..=2.2).contains(&(pitch / a.2))).then_some(pitch)
}

/// The font size (px) most of the page's text is set in: the median over its characters (each
/// line weighs its width in em), not over its lines. A landing page's strip of four logos and
/// row of four stat figures are eight large "lines" beside a two-line lead paragraph; by lines
/// the body font read 33 px (a logo's), the 36 px heading above the paragraph was not a heading,
/// took the paragraph's loose line height, and its 16 px gap to the paragraph read 10.
fn body_font(lines: &[Line]) -> f64 {
    let mut ems: Vec<(f64, f64)> = lines
        .iter()
        .map(|l| (l.2, f64::from(l.0.w()) / l.2))
        .collect();
    ems.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let half = ems.iter().map(|e| e.1).sum::<f64>() / 2.0;
    let mut seen = 0.0;
    ems.iter()
        .find(|e| {
            seen += e.1;
            seen >= half
        })
        .map_or(0.0, |e| e.0)
}

/// Line heights: body text's read from lines one above the other (left-aligned, the same font
/// size, baselines between 1 and 2.2 em apart; see `paragraph_pitch`), headings' from common
/// practice.
pub fn line_heights<'a>(items: impl Iterator<Item = &'a Item>) -> LineHeights {
    let lines: Vec<Line> = items.filter_map(text_line).filter(|l| l.2 >= 6.0).collect();
    let body_font = body_font(&lines);
    let mut body: Vec<f64> = Vec::new();
    for a in lines.iter().filter(|l| l.2 < HEADING_SIZE * body_font) {
        let next = lines
            .iter()
            .filter(|b| b.1 > a.1 && b.0.x0.abs_diff(a.0.x0) <= 2 && same_font(a, b))
            .min_by_key(|b| b.1);
        if let Some(p) = next.and_then(|b| wrap_pitch(a, b, PARAGRAPH_EM * a.2)) {
            body.push(p / a.2);
        }
    }
    LineHeights {
        body_font,
        body: paragraph_pitch(body),
    }
}

/// The line pitch (baseline to baseline, px) of every text line that is one of the wrapped lines
/// of a paragraph or heading in `items` (one region's): its own line height, which a subtitle or
/// a heading sets apart from the page's body text (Bulma's 1.25 and 1.125 beside a 1.5 body).
/// Lines are wrapped lines of one block when they share the font size (within 10 %) and the left
/// edge or the centre (2 px), their baselines are 1 to 2.2 em apart, and the upper one is long (as
/// in [`line_heights`], or half as wide as the region: large type wraps after fewer em); list rows
/// and stacked labels are short, and keep the page's ratio.
pub fn block_pitches(items: &[Item], region: Rect) -> Vec<Option<f64>> {
    let lines: Vec<Option<Line>> = items.iter().map(text_line).collect();
    let mut pitch: Vec<Option<f64>> = vec![None; items.len()];
    for (i, a) in lines.iter().enumerate() {
        let Some(a) = a else { continue };
        let aligned = |b: &Line| {
            let centre = |r: &Rect| r.x0 + r.x1;
            b.0.x0.abs_diff(a.0.x0) <= 2 || centre(&b.0).abs_diff(centre(&a.0)) <= 4
        };
        let next = lines
            .iter()
            .enumerate()
            .filter_map(|(j, b)| b.map(|b| (j, b)))
            .filter(|(_, b)| b.1 > a.1 && aligned(b) && same_font(a, b))
            .min_by_key(|(_, b)| b.1);
        let Some((j, b)) = next else { continue };
        // Large type wraps after fewer em: half the region's width is long too.
        let long = (PARAGRAPH_EM * a.2).min(f64::from(region.w()) / 2.0);
        if let Some(p) = wrap_pitch(a, &b, long) {
            pitch[i] = Some(p);
            pitch[j] = pitch[j].or(Some(p));
        }
    }
    pitch
}

/// The CSS line box of a text line: its ink's horizontal extent, and vertically the line height
/// around the glyph box the way browsers place it. Kept inside the region it was found in. `pitch`:
/// the line's own line height in px when its block wraps (see [`block_pitches`]).
pub fn line_box(
    ink: Rect,
    baseline: u32,
    heights: &LineHeights,
    pitch: Option<f64>,
    region: Rect,
) -> Rect {
    let f = font_size(ink, baseline);
    if f < 4.0 {
        return ink;
    }
    let line = pitch.unwrap_or_else(|| heights.ratio(f) * f);
    let top = f64::from(baseline) - ASCENT * f - (line - CONTENT * f) / 2.0;
    let y0 = ((top + TOP_CORRECTION * f).round().max(f64::from(region.y0)) as u32).min(ink.y0);
    let y1 = ((top + line).round().min(f64::from(region.y1)) as u32).max(ink.y1);
    Rect { y0, y1, ..ink }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tests::rect;

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

    #[test]
    fn a_few_large_logos_and_figures_do_not_make_the_body_font() {
        // Regression (a landing page's logo strip and stat row, 1x): eight short large lines, one
        // 36 px heading and a lead paragraph of two long 20 px lines. The median line is a logo's
        // (33 px); most of the text is the paragraph's.
        let mut items = Vec::new();
        for (i, font) in [33.0, 33.0, 36.0, 44.0].into_iter().enumerate() {
            items.push(line(70 + 320 * i as u32, 48, 180, font));
        }
        for (i, font) in [53.0, 45.0, 48.0, 45.0].into_iter().enumerate() {
            items.push(line(110 + 320 * i as u32, 360, 60, font));
        }
        items.push(line(336, 180, 607, 36.0));
        items.push(line(286, 240, 708, 20.0));
        items.push(line(336, 268, 607, 20.0));
        let heights = line_heights(items.iter());
        assert!(
            (heights.body_font - 20.0).abs() < 1.0,
            "{}",
            heights.body_font
        );
        // So the heading is one (1.3x the body or more), and gets the tight line height.
        assert_eq!(heights.ratio(36.0), HEADING_RATIO);
    }

    #[test]
    fn a_heading_gets_a_tight_line_box_not_the_paragraphs() {
        // Regression: a 30 px heading took the body's 1.5 line height, so its line box reached
        // 4 px too far above the ink and a 48 px gap above it read 45.
        let heights = LineHeights {
            body_font: 15.0,
            body: 1.5,
        };
        let page = rect(0, 0, 800, 800);
        // 1.2 × 30 px for the heading, 1.5 × 15 px for the body, each less the top's correction.
        for (what, top, font, ratio) in [("heading", 200, 30.0, 1.2), ("body", 400, 15.0, 1.5)] {
            let it = line(100, top, 300, font);
            let b = line_box(it.rect, it.baseline.unwrap(), &heights, None, page);
            let expected = (ratio - TOP_CORRECTION) * font;
            assert!(
                (f64::from(b.h()) - expected).abs() <= 1.0,
                "{what} line box {} px",
                b.h()
            );
        }
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

    #[test]
    fn a_wrapped_subtitle_keeps_its_own_line_height_and_list_rows_the_page_s() {
        // Regression: a Bulma subtitle (line height 1.25) under a title took the page's 1.5 body
        // ratio, so its line box reached 2.5 px too far up and the 32 px between title and
        // subtitle read 27. Its two wrapped lines say its own pitch.
        let region = rect(0, 0, 1200, 800);
        let font = 60.0;
        let upper = line(75, 100, 1030, font);
        let lower = line(75, 175, 470, font);
        let pitch = f64::from(lower.baseline.unwrap() - upper.baseline.unwrap());
        // Two short list rows 36 px apart: not a wrapped block.
        let row1 = line(75, 400, 60, 14.0);
        let row2 = line(75, 436, 110, 14.0);
        let items = [upper, lower, row1, row2];
        let p = block_pitches(&items, region);
        assert_eq!(p, vec![Some(pitch), Some(pitch), None, None]);
        // Body text about as large (a phone's 3× render): the page's ratio would be 1.5.
        let heights = LineHeights {
            body_font: 50.0,
            body: 1.5,
        };
        let b = line_box(upper.rect, upper.baseline.unwrap(), &heights, p[0], region);
        let tall = line_box(upper.rect, upper.baseline.unwrap(), &heights, None, region);
        assert!(b.h() < tall.h(), "{} vs {}", b.h(), tall.h());
        assert!(
            (f64::from(b.h()) - (pitch - TOP_CORRECTION * font)).abs() <= 1.5,
            "{}",
            b.h()
        );
    }
}
