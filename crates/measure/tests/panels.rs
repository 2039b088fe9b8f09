//! Shapes that join what they hold, or what rests on them, into one that is no box (issue 14):
//! what they hold is measured all the same.

mod common;

use common::Canvas;
use copy_that_measure::{measure, Dpr};

const PANEL: u32 = 0xF9FAFB;
const LINE: u32 = 0xE5E7EB;
const ACCENT: u32 = 0xE11D48;
const INK: u32 = 0x1F2937;

#[test]
fn a_hero_panel_with_a_dropdown_over_its_edge_still_has_its_form_measured() {
    // Regression (a HyperUI hero at 2x): a light grey band across the page, an open account menu
    // (white, 1 px border) hanging over its top edge. Band and menu join into one shape that is no
    // rectangle, so it was one opaque graphic: the email field and the Sign Up button 12 px beside
    // it inside, and everything else in the band, gave no distance at all.
    let mut c = Canvas::new(800, 400, 2, 0xFFFFFF);
    c.fill(0, 60, 800, 300, PANEL);
    c.bordered(560, 30, 180, 120, LINE, 0xFFFFFF);
    c.text(580, 50, 8, INK);
    c.text(250, 150, 20, INK);
    c.bordered(220, 220, 220, 40, LINE, 0xFFFFFF);
    c.text(234, 229, 8, 0x9CA3AF);
    c.fill(452, 220, 120, 40, ACCENT);
    c.text(470, 229, 6, 0xFFFFFF);
    let e = measure(&c.raster(), false, None, Dpr::fixed(2.0).expect("density"));
    let field_to_button = e.measurements.iter().any(|m| {
        m.bbox
            .as_ref()
            .is_some_and(|b| b.x >= 870 && b.x + b.w <= 910 && b.y >= 430 && b.y + b.h <= 530)
            && (m.value_px - 12.0).abs() <= 1.0
    });
    assert!(field_to_button, "{:?}", e.measurements);
}

#[test]
fn a_top_bars_items_are_measured_when_the_active_one_rests_on_its_bottom_border() {
    // Regression (a Bulma blog page, 1x): a white top bar on a white page, drawn only by its
    // bottom border and shadow (a line 2 px thick), and the active item's blue box standing on
    // them. Line and box joined into one shape as wide as the page, no box, and too thin a line
    // for a cut to leave: as one graphic it hid the whole bar, and neither the active item's
    // 12 px padding nor the 24 px between the other two items was measured.
    let mut c = Canvas::new(900, 200, 1, 0xFFFFFF);
    c.fill(0, 40, 900, 2, LINE);
    c.fill(600, 0, 100, 40, 0x485FC7);
    c.text(612, 9, 8, 0xFFFFFF);
    c.text(712, 9, 5, INK);
    c.text(778, 9, 5, INK);
    c.text(48, 100, 30, INK);
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    let at = |x0: u32, x1: u32, v: f64| {
        e.measurements.iter().any(|m| {
            m.bbox
                .as_ref()
                .is_some_and(|b| b.x >= x0 && b.x + b.w <= x1 && b.y < 40)
                && (m.value_px - v).abs() <= 0.5
        })
    };
    assert!(
        at(600, 612, 12.0),
        "the active item's padding: {:?}",
        e.measurements
    );
    assert!(
        at(750, 778, 24.0),
        "between the items: {:?}",
        e.measurements
    );
}
