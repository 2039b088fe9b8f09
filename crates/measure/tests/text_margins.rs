//! Margins between text lines read the same at every density.

mod common;

use common::Canvas;
use copy_that_measure::{measure, Dpr};

const INK: u32 = 0x1F2937;

/// A line of L-shaped letters, 15 px text as `Canvas::text` draws it (caps 11 px standing on a
/// baseline 16 px below the line top), but not rectangles, which at 2× are big enough to be boxes.
fn line(c: &mut Canvas, x: u32, line_top: u32, letters: u32) {
    let baseline = line_top + 16;
    for i in 0..letters {
        let lx = x + i * 9;
        c.fill(lx, baseline - 11, 2, 11, INK);
        c.fill(lx, baseline - 2, 6, 2, INK);
    }
}

/// The distances measured between text lines one above the other, on a page drawn at `scale`.
fn text_gaps(scale: u32) -> Vec<f64> {
    let mut c = Canvas::new(600, 400, scale, 0xFFFFFF);
    for top in [100, 134, 200, 240] {
        line(&mut c, 40, top, 30);
    }
    let dpr = Dpr::fixed(f64::from(scale)).expect("density");
    let e = measure(&c.raster(), false, None, dpr);
    let mut v: Vec<f64> = e
        .measurements
        .iter()
        .filter(|m| m.context.as_deref() == Some("text gap"))
        .map(|m| m.value_px)
        .collect();
    v.sort_by(f64::total_cmp);
    v
}

#[test]
fn a_margin_between_two_text_lines_reads_the_same_at_2x_as_at_1x() {
    // Regression: at 2× the line box of 15 px text (22.5 CSS px tall) is 45 image px, so the gap
    // between two is an odd number of image px, a half CSS pixel, and the rounding down meant for
    // anti-aliased box edges read every margin between lines a pixel under the 1× page's.
    // The glyph-box model puts these 22 px line boxes 12, 18 and 44 px apart; the top of a line
    // box sits 0.07 em (a pixel here) lower than that model says (see `text.rs`).
    let one = text_gaps(1);
    assert_eq!(one, [13.0, 19.0, 45.0]);
    assert_eq!(text_gaps(2), one);
}
