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

/// A bold display heading at 3×: L-shaped letters 36 CSS px tall, 3 px apart, with an l (a solid
/// stroke) beside an i (a solid dot over a solid stem) among them, above a line of body text.
fn display_heading() -> Canvas {
    let mut c = Canvas::new(400, 300, 3, 0xFFFFFF);
    let (top, cap, stroke) = (60, 36, 7);
    let mut x = 40;
    for letter in "LLilLL".chars() {
        match letter {
            'l' => {
                c.fill(x, top, stroke, cap, INK);
                x += stroke + 3;
            }
            'i' => {
                c.fill(x, top, stroke, 7, INK);
                c.fill(x, top + 10, stroke, cap - 10, INK);
                x += stroke + 3;
            }
            _ => {
                c.fill(x, top, stroke, cap, INK);
                c.fill(x, top + cap - stroke, 24, stroke, INK);
                x += 24 + 3;
            }
        }
    }
    line(&mut c, 40, 130, 30);
    c
}

#[test]
fn the_solid_l_and_i_of_a_bold_heading_are_letters_not_boxes() {
    // Regression: at 3× the l and the i's stem and dot of a bold heading are solid rectangles 20
    // image px wide, which read as filled boxes. The heading fell apart around them, and the 3 px
    // between its letters (and the 3 px between the i's dot and stem) were measured as gaps and
    // kept as spacing on Bulma's phone pages.
    let dpr = Dpr::fixed(3.0).expect("density");
    let e = measure(&display_heading().raster(), false, None, dpr);
    let small: Vec<_> = e
        .measurements
        .iter()
        .filter(|m| m.value_px <= 4.0)
        .map(|m| (m.value_px, m.context.clone()))
        .collect();
    assert!(
        small.is_empty(),
        "letter gaps measured: {small:?} {:?}",
        e.measurements
    );
    assert!(
        e.measurements
            .iter()
            .any(|m| m.context.as_deref() == Some("text gap")),
        "the heading and the line under it are measured apart: {:?}",
        e.measurements
    );
}
