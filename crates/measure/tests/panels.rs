//! Panels whose outline is no clean box (issue 14): what they hold is measured all the same.

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
