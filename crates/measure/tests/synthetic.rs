//! The extractor on screenshots drawn with known geometry: exact values, at 1× and 2×.

mod common;

use common::Canvas;
use copy_that_measure::{extract_bytes, measure, DensitySource, Dpr, Extraction};
use copy_that_spacing::SpacingType;

const PAGE: u32 = 0xF4F4F5;
const CARD: u32 = 0xFFFFFF;
const BORDER: u32 = 0xD4D4D8;
const INK: u32 = 0x18181B;
const ACCENT: u32 = 0x4F46E5;

/// A card with 24 px padding holding two buttons 16 px apart, and a second card 32 px to its right.
fn cards(scale: u32) -> Canvas {
    let mut c = Canvas::new(640, 400, scale, PAGE);
    c.bordered(40, 40, 260, 120, BORDER, CARD);
    // Inside the border (41..299), 24 px padding: content starts at 65.
    c.fill(65, 65, 80, 32, ACCENT);
    c.fill(161, 65, 80, 32, ACCENT);
    c.fill(65, 113, 210, 22, ACCENT);
    c.bordered(332, 40, 260, 120, BORDER, CARD);
    c.fill(357, 65, 100, 32, ACCENT);
    c
}

/// Every measured value that is not a padding (gaps, gutters, margins), in order.
fn not_padding(e: &Extraction) -> Vec<f64> {
    e.measurements
        .iter()
        .filter(|m| m.spacing_type != SpacingType::Padding)
        .map(|m| m.value_px)
        .collect()
}

fn values(e: &Extraction, kind: SpacingType) -> Vec<f64> {
    let mut v: Vec<f64> = e
        .measurements
        .iter()
        .filter(|m| m.spacing_type == kind)
        .map(|m| m.value_px)
        .collect();
    v.sort_by(f64::total_cmp);
    v.dedup();
    v
}

#[test]
fn padding_and_gaps_between_boxes_are_exact_at_1x() {
    let e = measure(&cards(1).raster(), false, None, Dpr::Auto);
    let padding = values(&e, SpacingType::Padding);
    assert!(padding.contains(&24.0), "{padding:?}");
    let gaps = not_padding(&e);
    assert!(gaps.contains(&16.0), "button gap: {gaps:?}");
    assert!(gaps.contains(&32.0), "card gutter: {gaps:?}");
    assert_eq!(e.dpr, 1.0);
}

#[test]
fn a_2x_screenshot_is_measured_in_css_px() {
    let e = measure(
        &cards(2).raster(),
        false,
        None,
        Dpr::fixed(2.0).expect("a valid density"),
    );
    let padding = values(&e, SpacingType::Padding);
    assert!(padding.contains(&24.0), "{padding:?}");
    let all: Vec<f64> = e.measurements.iter().map(|m| m.value_px).collect();
    assert!(all.contains(&16.0) && all.contains(&32.0), "{all:?}");
    // Boxes stay in image pixels, so the overlay can draw them.
    let widest = e
        .measurements
        .iter()
        .filter_map(|m| m.bbox)
        .map(|b| b.x + b.w)
        .max();
    assert!(
        widest.is_some_and(|x| x > 640),
        "boxes in image px: {widest:?}"
    );
}

#[test]
fn density_is_detected_from_device_size_and_hairlines() {
    // 1280 CSS px wide at 2×: a Retina laptop screenshot, its 1 px borders drawn 2 px thick.
    let mut c = Canvas::new(1280, 200, 2, PAGE);
    c.bordered(40, 40, 300, 100, BORDER, CARD);
    c.fill(64, 64, 80, 32, ACCENT);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    assert_eq!((e.dpr, e.dpr_source), (2.0, DensitySource::DeviceSize));
    assert!(
        e.measurements.iter().any(|m| m.value_px == 23.0),
        "{:?}",
        e.measurements
    );
}

#[test]
fn one_px_hairlines_keep_a_wide_screenshot_at_1x() {
    let mut c = Canvas::new(2560, 200, 1, PAGE);
    c.bordered(40, 40, 300, 100, BORDER, CARD);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    assert_eq!(e.dpr, 1.0);
}

#[test]
fn padding_to_text_is_measured_to_the_line_box_not_the_ink() {
    let mut c = Canvas::new(400, 200, 1, PAGE);
    c.bordered(20, 20, 300, 120, BORDER, CARD);
    // Inner edge at 21; text line boxes start 12 px in, two lines of a paragraph, 22.5 px apart.
    c.text(33, 33, 12, INK);
    c.text(33, 56, 10, INK);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let top: Vec<f64> = e
        .measurements
        .iter()
        .filter(|m| m.spacing_type == SpacingType::Padding)
        .filter(|m| m.bbox.is_some_and(|b| b.y == 21))
        .map(|m| m.value_px)
        .collect();
    assert!(!top.is_empty(), "{:?}", e.measurements);
    // The ink is 16 px below the box edge; the line box 12 px: within a pixel of the CSS value.
    assert!(top.iter().all(|v| (v - 12.0).abs() <= 1.0), "{top:?}");
    let left: Vec<f64> = e
        .measurements
        .iter()
        .filter(|m| m.bbox.is_some_and(|b| b.x == 21 && b.w == 12))
        .map(|m| m.value_px)
        .collect();
    assert!(
        !left.is_empty(),
        "left padding to the text side is exact: {:?}",
        e.measurements
    );
}

#[test]
fn every_instance_keeps_its_box_kind_and_confidence() {
    let e = extract_bytes(&cards(1).png(), "cards.png", Dpr::Auto).expect("extract");
    assert!(!e.measurements.is_empty());
    for m in &e.measurements {
        let b = m.bbox.expect("box");
        assert!(b.x + b.w <= e.width && b.y + b.h <= e.height);
        assert!((0.0..=1.0).contains(&m.confidence));
        assert!(m.context.as_deref().is_some_and(|c| !c.is_empty()));
    }
    let padding = e
        .measurements
        .iter()
        .find(|m| m.value_px == 24.0)
        .expect("24");
    assert_eq!(padding.context.as_deref(), Some("card padding"));
}

/// The canvas as a JPEG at quality 80, as screenshots shared through chat tools arrive.
fn jpeg(c: &Canvas) -> Vec<u8> {
    let mut rgb = Vec::with_capacity(c.px.len() * 3);
    for p in &c.px {
        rgb.extend([(p >> 16) as u8, (p >> 8) as u8, *p as u8]);
    }
    let img = image::RgbImage::from_raw(c.w, c.h, rgb).expect("buffer");
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&img)
        .expect("jpeg");
    out
}

#[test]
fn a_jpeg_screenshot_is_measured_to_the_pixel() {
    // Regression: JPEG ringing widened every box by a pixel or two and left specks of colour along
    // its edges, so the 16 px between two buttons read 13 px, blocked by a fleck.
    let e = extract_bytes(&jpeg(&cards(1)), "cards.jpg", Dpr::Auto).expect("extract");
    let exact = |v: f64| {
        e.measurements
            .iter()
            .any(|m| m.value_px == v && m.confidence >= 0.9)
    };
    assert!(exact(24.0), "card padding: {:?}", e.measurements);
    assert!(exact(16.0), "button gap: {:?}", e.measurements);
    assert!(exact(32.0), "card gutter: {:?}", e.measurements);
    assert!(
        e.measurements.iter().all(|m| m.value_px >= 3.0),
        "specks measured: {:?}",
        e.measurements
    );
}

#[test]
fn the_inset_of_an_icon_tile_is_not_a_spacing() {
    // A card (24 px padding) holding a 40 px icon tile whose 20 px glyph sits 10 px in on every side.
    let mut c = Canvas::new(400, 300, 1, PAGE);
    c.bordered(40, 40, 300, 200, BORDER, CARD);
    c.fill(65, 65, 40, 40, 0xE2E8F0);
    c.bordered(75, 75, 20, 20, INK, 0xE2E8F0);
    c.fill(65, 129, 200, 22, ACCENT);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let padding = values(&e, SpacingType::Padding);
    assert!(padding.contains(&24.0), "{padding:?}");
    assert!(
        !padding.contains(&10.0),
        "the tile's inset was measured: {padding:?}"
    );
}

#[test]
fn a_glyph_like_icon_in_a_tile_is_not_a_text_line() {
    // A 40×44 tile holding a 20 px ring with a dot (two shapes that text grouping would call one
    // square word): centred, so its insets (10 across, 12 down) are the icon's, not padding.
    let mut c = Canvas::new(400, 300, 1, PAGE);
    c.bordered(40, 40, 300, 200, BORDER, CARD);
    c.fill(65, 65, 40, 44, 0xEDE9FE);
    let (cx, cy) = (85.0f64, 87.0f64);
    for y in 77..97u32 {
        for x in 75..95u32 {
            let d = ((f64::from(x) + 0.5 - cx).powi(2) + (f64::from(y) + 0.5 - cy).powi(2)).sqrt();
            if (8.0..=10.0).contains(&d) || d <= 3.0 {
                c.px[(y * c.w + x) as usize] = ACCENT;
            }
        }
    }
    c.fill(65, 133, 200, 22, ACCENT);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let padding = values(&e, SpacingType::Padding);
    assert!(padding.contains(&24.0), "{padding:?}");
    assert!(
        !padding.contains(&10.0) && !padding.contains(&12.0),
        "the icon's insets were measured: {padding:?}"
    );
}

#[test]
fn a_word_space_is_not_an_inline_gap() {
    // Lower-case words (8 px x-height letters 2 px apart on one baseline) 6 px apart: wider than text grouping
    // joins, but a word space in a line box over 20 px tall. Then a designed 24 px gap.
    let mut c = Canvas::new(400, 200, 1, PAGE);
    let word = |c: &mut Canvas, x: u32| {
        for i in 0..3 {
            c.fill(x + i * 8, 48, 6, 8, INK);
        }
        x + 2 * 8 + 6
    };
    let end = word(&mut c, 40);
    let end = word(&mut c, end + 6);
    c.text(end + 24, 40, 3, INK);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let gaps = not_padding(&e);
    assert!(!gaps.contains(&6.0), "a word space was measured: {gaps:?}");
    assert!(gaps.contains(&24.0), "the designed gap was lost: {gaps:?}");
}

/// The (value, confidence) of every vertical padding measured in the box whose inner edges span
/// `x0..x1` across and `y0..y1` down.
fn vertical_padding(e: &Extraction, (x0, x1): (u32, u32), (y0, y1): (u32, u32)) -> Vec<(f64, f64)> {
    e.measurements
        .iter()
        .filter(|m| m.spacing_type == SpacingType::Padding)
        .filter(|m| {
            m.bbox.is_some_and(|b| {
                b.x >= x0 && b.x + b.w <= x1 && b.w > b.h && (b.y == y0 || b.y + b.h == y1)
            })
        })
        .map(|m| (m.value_px, m.confidence))
        .collect()
}

#[test]
fn a_line_centred_in_a_chip_gives_surer_vertical_padding() {
    // Regression: the 4 px vertical padding of chips was measured (to the estimated line box) at
    // confidence 0.3, below what selection considers, so no page ever reported its 4 px step.
    let mut c = Canvas::new(400, 200, 1, PAGE);
    // Chip: border at 40, inner 41..71, line box 45..67 (22.5 px), 4 px above and below.
    c.bordered(40, 40, 90, 32, BORDER, CARD);
    c.text(53, 45, 6, INK);
    // The same line in a tall box, 4 px from its top and far from its bottom: not centred.
    c.bordered(200, 40, 150, 120, BORDER, CARD);
    c.text(213, 45, 6, INK);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let chip = vertical_padding(&e, (41, 129), (41, 71));
    assert_eq!(chip.len(), 2, "top and bottom: {:?}", e.measurements);
    assert!(
        chip.iter()
            .all(|(v, c)| (v - 4.0).abs() <= 1.0 && *c > 0.35),
        "{chip:?}"
    );
    let card: Vec<f64> = vertical_padding(&e, (201, 349), (41, 159))
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    assert!(
        !card.is_empty() && card.iter().all(|&c| c < 0.35),
        "{card:?}"
    );
}

#[test]
fn a_pill_chip_is_a_box_and_its_padding_is_measured_exactly() {
    // Regression: a fully rounded chip or button (half-circle ends) failed the straight-sides test,
    // so its text was measured to the card around it instead of to the chip.
    let mut c = Canvas::new(400, 200, 1, PAGE);
    c.bordered(20, 20, 360, 160, BORDER, CARD);
    // A filled pill without a border, 30 px tall: line box 45..67, text 12 px in.
    c.pill(60, 41, 90, 30, 0xE0E7FF, Some(0xE0E7FF));
    c.text(72, 45, 6, INK);
    // An outlined one: a 1 px ring, then 16 px to the text.
    c.pill(200, 41, 110, 30, BORDER, None);
    c.text(217, 45, 6, INK);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    assert_eq!(
        padding_at(&e, 60, 12),
        [12.0],
        "filled: {:?}",
        e.measurements
    );
    assert_eq!(
        padding_at(&e, 201, 16),
        [16.0],
        "outlined: {:?}",
        e.measurements
    );

    // At 2×, a pill holding a bar 10 px from its end.
    let mut c = Canvas::new(400, 200, 2, PAGE);
    c.pill(60, 40, 120, 40, 0xE0E7FF, Some(0xE0E7FF));
    c.fill(70, 55, 100, 10, ACCENT);
    let e = measure(
        &c.raster(),
        false,
        None,
        Dpr::fixed(2.0).expect("a valid density"),
    );
    assert_eq!(padding_at(&e, 120, 20), [10.0], "2×: {:?}", e.measurements);
}

#[test]
fn round_glyphs_are_not_pills() {
    // An "o"-like ring and a "u"-like cup, wider than tall: neither filled nor two-sided all the way.
    let mut c = Canvas::new(200, 100, 1, PAGE);
    c.pill(20, 20, 16, 12, INK, None);
    c.fill(60, 20, 2, 12, INK);
    c.fill(74, 20, 2, 12, INK);
    c.fill(60, 30, 16, 2, INK);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    assert!(
        e.measurements
            .iter()
            .all(|m| m.spacing_type != SpacingType::Padding),
        "{:?}",
        e.measurements
    );
}

/// The padding values measured from a box's inner edge at image x `x`, `w` image px wide.
fn padding_at(e: &Extraction, x: u32, w: u32) -> Vec<f64> {
    e.measurements
        .iter()
        .filter(|m| m.spacing_type == SpacingType::Padding)
        .filter(|m| m.bbox.is_some_and(|b| b.x == x && b.w == w))
        .map(|m| m.value_px)
        .collect()
}

#[test]
fn jpeg_ringing_around_light_text_on_a_dark_page_is_not_content() {
    // Regression: on dark JPEG pages the specks compression leaves around light text became items
    // of their own, and the 1 and 2 px between them outvoted the page's 8 px grid.
    const DARK: u32 = 0x111827;
    const CARD_DARK: u32 = 0x1F2937;
    const LIGHT: u32 = 0xF9FAFB;
    // 600 px wide: no phone is 300 CSS px wide, so this is 1×.
    let mut c = Canvas::new(600, 400, 1, DARK);
    c.fill(40, 40, 520, 320, CARD_DARK);
    for row in 0..6 {
        c.text(64, 64 + row * 40, 30, LIGHT);
    }
    let e = extract_bytes(&jpeg(&c), "dark.jpg", Dpr::Auto).expect("extract");
    let tiny: Vec<f64> = e
        .measurements
        .iter()
        .filter(|m| m.confidence >= 0.5 && m.value_px < 3.0)
        .map(|m| m.value_px)
        .collect();
    assert!(tiny.is_empty(), "{tiny:?} in {:?}", e.measurements);
    let near = |v: f64| e.measurements.iter().any(|m| (m.value_px - v).abs() <= 1.0);
    assert!(near(24.0), "card padding to the text: {:?}", e.measurements);
}

#[test]
fn jpeg_halos_do_not_make_text_in_a_dark_button_taller() {
    // Regression: compression rings around white text on a dark button with halos a row or two
    // deep. Read as ink they made each glyph taller, so the line box read from it was too tall and
    // the button's 6 px paddings above and below the label came out as 3 and 4 px (AdminLTE's dark
    // modals page as JPEG).
    const PAGE_DARK: u32 = 0x343A40;
    let mut c = Canvas::new(600, 300, 1, PAGE_DARK);
    for (i, x) in [60u32, 330].into_iter().enumerate() {
        // Border 1 px, padding 6 px, a 22.5 px line box (15 px type): 37 px tall in all.
        let y = 100 + i as u32 * 60;
        c.bordered(x, y, 210, 37, 0x6C757D, 0x3F474E);
        c.text(x + 13, y + 7, 18, 0xFFFFFF);
    }
    let e = extract_bytes(&jpeg(&c), "buttons.jpg", Dpr::Auto).expect("extract");
    let png = measure(&c.raster(), false, None, Dpr::Auto);
    let vertical = |e: &Extraction| -> Vec<f64> {
        e.measurements
            .iter()
            .filter(|m| m.spacing_type == SpacingType::Padding)
            .filter(|m| m.bbox.is_some_and(|b| b.w > b.h && b.h < 12))
            .map(|m| m.value_px)
            .collect()
    };
    let (want, got) = (vertical(&png), vertical(&e));
    assert!(
        !want.is_empty(),
        "the PNG's paddings: {:?}",
        png.measurements
    );
    assert!(
        want.iter().all(|v| (v - 6.0).abs() <= 1.0),
        "the PNG reads the 6 px paddings: {want:?}"
    );
    assert_eq!(got.len(), want.len(), "{got:?} against {want:?}");
    assert!(
        got.iter().all(|v| (v - 6.0).abs() <= 1.0),
        "the JPEG reads them as the PNG does: {got:?} against {want:?}"
    );
}

#[test]
fn a_white_card_on_a_near_white_page_is_a_box() {
    // Regression: white cards on #fafafa / #f9fafb pages (5 and 6 levels apart) were not told from
    // the page, so their padding went unmeasured.
    for page in [0xFAFAFA, 0xF9FAFB] {
        let mut c = Canvas::new(400, 300, 1, page);
        c.fill(40, 40, 300, 200, 0xFFFFFF);
        c.fill(64, 64, 120, 32, ACCENT);
        let e = measure(&c.raster(), false, None, Dpr::Auto);
        assert!(
            padding_at(&e, 40, 24).contains(&24.0),
            "{page:06x}: {:?}",
            e.measurements
        );
    }
}

#[test]
fn a_box_cut_off_by_the_bottom_of_the_screenshot_has_no_bottom_padding() {
    // Regression: a card cropped below the fold reported the distance from its content to the crop
    // as padding (27 px here), a value no designer chose.
    let mut c = Canvas::new(400, 200, 1, PAGE);
    c.bordered(40, 100, 300, 100, BORDER, CARD);
    c.fill(65, 125, 120, 47, ACCENT);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let values = values(&e, SpacingType::Padding);
    assert!(values.contains(&24.0), "{values:?}");
    assert!(!values.contains(&27.0), "{values:?}");
}

#[test]
fn a_light_border_is_the_edge_of_a_shadowed_card() {
    // Regression: a #e5e7eb border steps 20 levels from a #f9fafb page and 26 to its white fill; with
    // a shadow below, the edge was put at the strongest step, inside the border, and the 24 px
    // between two cards read 26.
    const PAGE50: u32 = 0xF9FAFB;
    let mut c = Canvas::new(500, 260, 1, PAGE50);
    for x in [40, 264] {
        c.bordered(x, 40, 200, 160, 0xE5E7EB, 0xFFFFFF);
        c.fill(x, 200, 200, 1, 0xEDEEEF);
        c.fill(x, 201, 200, 1, 0xF6F7F8);
        c.fill(x + 21, 61, 120, 32, ACCENT);
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let gutters = values(&e, SpacingType::Gutter);
    assert_eq!(gutters, [24.0], "{:?}", e.measurements);
    assert!(
        padding_at(&e, 41, 20).contains(&20.0),
        "{:?}",
        e.measurements
    );
}

#[test]
fn a_button_in_a_hero_with_a_gradient_fill_is_measured_from_the_hero_s_edges() {
    // Regression: a hero section filled with a gradient is a box, and a box's inside was always
    // read against its one fill colour. The gradient strays further from any one colour than the
    // coarsest contrast, so the whole inside was one blob, and nothing in the hero (its padding,
    // its button's) was measured; and the gradient's drift from its most common colour read as a
    // border a third of the hero wide. Now a box's inside, too, is read against what spreads
    // smoothly from its edges, and no border is that thick.
    let mut c = Canvas::new(640, 400, 1, PAGE);
    for x in 0..600u32 {
        // Indigo to violet across the width: one level at a time, every few pixels.
        let (r, g, b) = (
            0x50 + x * 0x57 / 600,
            0x46 + x * 0x45 / 600,
            0xE5 + x * 0x15 / 600,
        );
        c.fill(20 + x, 40, 1, 240, r << 16 | g << 8 | b);
    }
    // The button: 48 px from the hero's left edge, 64 px from its top, 16 px padding to its label.
    c.fill(68, 104, 148, 56, 0x00D1B2);
    for i in 0..8 {
        c.fill(84 + i * 14, 120, 3, 24, INK);
        c.fill(84 + i * 14, 141, 9, 3, INK);
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("density"));
    let padding = values(&e, SpacingType::Padding);
    assert!(
        padding.contains(&48.0),
        "the hero's left padding: {:?}",
        e.measurements
    );
    assert!(
        padding.contains(&64.0),
        "the hero's top padding: {:?}",
        e.measurements
    );
    assert!(
        padding.contains(&16.0),
        "the button's padding: {:?}",
        e.measurements
    );
}

#[test]
fn cards_covering_most_of_a_content_area_beside_a_sidebar_stay_cards() {
    // Regression (Bulma's admin page on a phone): the parts of an XY cut took their most common
    // colour as their background. Where white cards (and a white top bar) cover more than the
    // grey page between them, white became the background: the cards vanished, the grey gaps
    // became one shape, and no card's padding was measured. A part's background is now read
    // along its edges, as the page's is.
    let grey = 0xECF0F3;
    let mut c = Canvas::new(600, 500, 1, grey);
    // A dark sidebar and a white top bar touch: one shape reaching all four sides, cut at the
    // sidebar's edge.
    c.fill(0, 0, 120, 500, 0x1F2937);
    c.fill(120, 0, 480, 60, CARD);
    // Below the bar, cards cover most of the grey.
    for (x, y) in [(140, 80), (380, 80), (140, 290), (380, 290)] {
        c.fill(x, y, 200, 180, CARD);
        c.fill(x + 24, y + 24, 120, 40, ACCENT);
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("density"));
    let padding = values(&e, SpacingType::Padding);
    assert!(
        padding.contains(&24.0),
        "card padding: {:?}",
        e.measurements
    );
}
