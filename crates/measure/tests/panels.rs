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

/// A shadow ring `reach` px wide around a card, fading from `strong` to `weak` levels under the page.
fn shadow(c: &mut Canvas, x: u32, y: u32, w: u32, h: u32, page: u32, reach: u32) {
    let (strong, weak) = (23, 17);
    for k in (1..=reach).rev() {
        let d = strong - (strong - weak) * (k - 1) / (reach - 1);
        let grey = |ch: u32| (((page >> ch) & 0xFF) - d) << ch;
        c.fill(
            x - k,
            y - k,
            w + 2 * k,
            h + 2 * k,
            grey(16) | grey(8) | grey(0),
        );
    }
}

/// The vertical distances (a box as tall as its value) measured inside `area` (x0, y0, x1, y1).
fn vertical_within(e: &copy_that_measure::Extraction, area: (u32, u32, u32, u32)) -> Vec<f64> {
    let (x0, y0, x1, y1) = area;
    e.measurements
        .iter()
        .filter(|m| {
            m.bbox.as_ref().is_some_and(|b| {
                b.x >= x0
                    && b.x + b.w <= x1
                    && b.y >= y0
                    && b.y + b.h <= y1
                    && f64::from(b.h) == m.value_px
            })
        })
        .map(|m| m.value_px)
        .collect()
}

/// Asserts that at least `least` of the rows' distances are paddings to a separator (within
/// `padding`) and none was measured across one (24 px or more: padding, line, padding).
fn measured_to_separators(
    e: &copy_that_measure::Extraction,
    rows: &[f64],
    padding: std::ops::RangeInclusive<f64>,
    least: usize,
) {
    let to_separators = rows.iter().filter(|v| padding.contains(v)).count();
    let across = rows.iter().filter(|&&v| v >= 24.0).count();
    assert!(
        to_separators >= least && across == 0,
        "{to_separators} row paddings, {across} across a separator: {:?}",
        e.measurements
    );
}

#[test]
fn a_tables_rows_on_a_card_joined_to_its_neighbour_by_shadows_are_measured_to_their_separators() {
    // Regression (an AdminLTE tables page, 1x): white cards on a #f4f6f9 page, 11 levels apart,
    // their soft shadows joined into one shape. The region was read at coarser contrasts until the
    // shapes parted, and at that contrast the cards were gone, and with them the 1 px separators
    // between the table's rows (#dee2e6: 22 levels off the page, 33 off the card). Each row's text
    // measured to the next row's straight across the separator: 25 px, for 12 px of padding.
    const PAGE: u32 = 0xF4F6F9;
    let mut c = Canvas::new(1000, 800, 1, PAGE);
    // A tall card beside a short one: together they are a blob, not one filled shape.
    for (x, h) in [(20, 560), (510, 150)] {
        shadow(&mut c, x, 20, 470, h, PAGE, 10);
    }
    for (x, h) in [(20, 560), (510, 150)] {
        c.fill(x, 20, 470, h, 0xFFFFFF);
        c.text(x + 24, 32, 12, INK);
    }
    for k in 0..10 {
        let sep = 80 + 49 * k;
        c.fill(20, sep, 470, 1, 0xDEE2E6);
        c.text(44, sep + 13, 14, INK);
        c.text(200, sep + 13, 8, INK);
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    // Vertical distances between the table's rows, above the card's bottom padding. The canvas's
    // line box is 22.5 px: the row paddings read 12 to 14.
    let rows = vertical_within(&e, (20, 80, 490, 556));
    measured_to_separators(&e, &rows, 11.0..=14.0, 10);
}

#[test]
fn cards_joined_by_a_raised_card_between_them_are_each_measured_inside() {
    // Regression (a Mazer pricing page, 1x): a tall blue card raised between two white cards on a
    // #f2f7ff page, touching both. The three label as one shape that is no box, and no one colour
    // covers half of it, so it was one graphic: not a distance inside any card was measured.
    const PAGE: u32 = 0xF2F7FF;
    const BLUE: u32 = 0x435EBE;
    let mut c = Canvas::new(900, 800, 1, PAGE);
    // Its soft shadow above and below it leaves rows with no step where the cards meet: no cut
    // parts them.
    shadow(&mut c, 300, 40, 260, 720, PAGE, 16);
    c.fill(40, 140, 260, 500, 0xFFFFFF);
    c.fill(560, 140, 260, 500, 0xFFFFFF);
    c.fill(300, 40, 260, 720, BLUE);
    for k in 0..6 {
        c.text(64, 180 + 40 * k, 14, INK);
        c.text(324, 180 + 40 * k, 14, 0xFFFFFF);
        c.text(584, 180 + 40 * k, 14, INK);
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    let inside = |x0: u32, x1: u32| {
        e.measurements
            .iter()
            .filter(|m| {
                m.bbox
                    .as_ref()
                    .is_some_and(|b| b.x >= x0 && b.x + b.w <= x1 && b.y >= 40)
            })
            .count()
    };
    for (card, x0, x1) in [("left", 40, 300), ("raised", 300, 560), ("right", 560, 820)] {
        assert!(inside(x0, x1) >= 6, "{card} card: {:?}", e.measurements);
    }
}

#[test]
fn a_bordered_tables_separators_that_run_into_its_frame_stay_separators() {
    // Regression (the judged sources' bordered tables; AdminLTE's DataTables page): a table
    // framed by a 1 px border, its row separators and column lines running into the frame. Inside
    // the frame the grid spans the whole region without filling it: a blob, so the region was read
    // against the background that spreads smoothly from its border, and every line that touches
    // the border was flooded as background. The first column's rows then measured text to text
    // across the separators (25 px for 12 of padding).
    const LINE: u32 = 0x6C757D;
    let mut c = Canvas::new(900, 700, 1, 0xFFFFFF);
    c.bordered(40, 40, 800, 1 + 12 * 49, LINE, 0xFFFFFF);
    for k in 1..12 {
        c.fill(40, 40 + 49 * k, 800, 1, LINE);
    }
    for x in [300, 560] {
        c.fill(x, 40, 1, 1 + 12 * 49, LINE);
    }
    for k in 0..12 {
        for x in [52, 312, 572] {
            c.text(x, 41 + 49 * k + 12, 8, INK);
        }
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    // Vertical distances in the first column.
    let first = vertical_within(&e, (41, 0, 300, 700));
    measured_to_separators(&e, &first, 11.0..=14.0, 11);
}

#[test]
fn a_menu_panels_row_separators_joined_to_its_header_by_its_shadow_stay_separators() {
    // Regression (a Bulma panel menu, 1x): a white panel on a white page, shown only by the soft
    // shadow down its right side, with a dark filled header and 1 px separators (#ebecf0) between
    // its rows. Header, separators and shadow touch: one shape, no box and no shape of lines only.
    // Its header was read as a face, but its separators were lost, and each row's text measured
    // to the next row's straight across them (25 px for 12 px of padding).
    const PAGE: u32 = 0xFFFFFF;
    let mut c = Canvas::new(800, 600, 1, PAGE);
    let (x0, w, top) = (0u32, 314u32, 40u32);
    c.fill(x0, top, w, 65, 0x404654);
    c.text(x0 + 40, top + 20, 18, 0xFFFFFF);
    let rows_top = top + 65;
    for k in 0..8u32 {
        let y = rows_top + k * 49;
        c.text(x0 + 120, y + 12, 8, INK);
        c.fill(x0, y + 48, w, 1, 0xEBECF0);
    }
    let bottom = rows_top + 8 * 49;
    for (k, grey) in [0xC8C8C8u32, 0xDCDCDC, 0xEBEBEB, 0xF5F5F5]
        .into_iter()
        .enumerate()
    {
        c.fill(x0 + w + k as u32, top, 1, bottom - top + 4, grey);
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    let rows = vertical_within(&e, (x0, rows_top, x0 + w, 600));
    measured_to_separators(&e, &rows, 11.0..=15.0, 14);
}
