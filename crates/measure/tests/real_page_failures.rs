//! Regressions from real pages (issue 14), each drawn with known geometry: a phone screenshot
//! without metadata, a dashboard whose soft shadows join every card, a page of text only, a dark
//! page. Each must give its designed spacing, at the right density, never nothing.

mod common;

use common::Canvas;
use copy_that_measure::{explain, measure, Dpr, Extraction};
use copy_that_spacing::{select_with_reasons, Measurement, SelectOptions};

const INK: u32 = 0x1F2937;
const ACCENT: u32 = 0x2563EB;

/// The values the selection keeps for an image.
fn kept(e: &Extraction) -> Vec<f64> {
    let s = select_with_reasons(&e.measurements, &SelectOptions::default());
    let mut v: Vec<f64> = s.kept.iter().map(|m| m.value_px).collect();
    v.sort_by(f64::total_cmp);
    v.dedup();
    v
}

/// Every value measured as a padding.
/// The measurements named as a padding (button, card, section... padding).
fn padding_measurements(e: &Extraction) -> impl Iterator<Item = &Measurement> {
    e.measurements
        .iter()
        .filter(|m| m.context.as_deref().is_some_and(|s| s.contains("padding")))
}

fn paddings(e: &Extraction) -> Vec<f64> {
    padding_measurements(e).map(|m| m.value_px).collect()
}

fn has(values: &[f64], v: f64) -> bool {
    values.iter().any(|x| (x - v).abs() <= 1.0)
}

/// Darkens a colour by `by` levels on every channel.
fn darker(c: u32, by: u32) -> u32 {
    let ch = |s: u32| ((c >> s) & 0xFF).saturating_sub(by) << s;
    ch(16) | ch(8) | ch(0)
}

/// A soft shadow around a CSS rectangle: rings fading from `depth` levels to nothing over `blur`
/// px, drawn before the box (1× canvas).
fn shadow(c: &mut Canvas, (x, y, w, h): (u32, u32, u32, u32), blur: u32, depth: u32, bg: u32) {
    let (cw, ch) = (c.w / c.scale, c.h / c.scale);
    for d in (1..=blur).rev() {
        let tone = darker(bg, depth * (blur + 1 - d) / blur);
        let (x0, y0) = (x.saturating_sub(d), y.saturating_sub(d));
        let (x1, y1) = ((x + w + d).min(cw), (y + h + d).min(ch));
        c.fill(x0, y0, x1 - x0, y1 - y0, tone);
    }
}

#[test]
fn an_iphone_screenshot_without_metadata_is_measured_at_3x() {
    // 390×844 CSS at 3× = 1170×2532 px, no pHYs: cards with 16 px padding, 12 px apart.
    let page = 0xF3F4F6;
    let mut c = Canvas::new(390, 844, 3, page);
    for i in 0..5 {
        let top = 24 + i * 150;
        c.bordered(16, top, 358, 138, 0xE5E7EB, 0xFFFFFF);
        c.text(33, top + 17, 14, INK);
        c.fill(33, top + 17 + 24 + 16, 120, 40, ACCENT);
        c.fill(169, top + 17 + 24 + 16, 120, 40, ACCENT);
    }
    // iOS hairlines: dividers one image pixel thick, which alone would say 1×.
    for i in 0..5 {
        let y = (24 + i * 150 + 144) * 3;
        for x in 16 * 3..374 * 3 {
            c.px[(y * c.w + x) as usize] = 0xD1D5DB;
        }
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    assert_eq!(e.dpr, 3.0, "{:?}", e.dpr_source);
    let v = kept(&e);
    assert!(has(&v, 16.0), "{v:?}");
    assert!(v.iter().all(|&x| x <= 200.0), "values tripled: {v:?}");
}

#[test]
fn a_dashboard_whose_soft_shadows_join_every_card_still_yields_its_spacing() {
    // Regression: sidebar, top bar and cards on #f8f9fc, each with a 20 px shadow; the shadows
    // touch, so the whole page was one blob and gave zero measurements.
    let page = 0xF8F9FC;
    let mut c = Canvas::new(1280, 800, 1, page);
    shadow(&mut c, (0, 0, 224, 800), 20, 14, page);
    shadow(&mut c, (224, 0, 1056, 70), 20, 14, page);
    let cards = [
        (248, 100, 492, 300),
        (764, 100, 492, 300),
        (248, 424, 492, 300),
    ];
    for &r in &cards {
        shadow(&mut c, r, 20, 14, page);
    }
    c.fill(0, 0, 224, 800, 0x4E73DF);
    c.fill(224, 0, 1056, 70, 0xFFFFFF);
    for &(x, y, w, h) in &cards {
        c.bordered(x, y, w, h, 0xE3E6F0, 0xFFFFFF);
        // 20 px padding, a heading line and two buttons 8 px apart.
        c.text(x + 21, y + 21, 12, INK);
        c.fill(x + 21, y + 21 + 24 + 16, 96, 38, ACCENT);
        c.fill(x + 21 + 96 + 8, y + 21 + 24 + 16, 96, 38, ACCENT);
        c.fill(x + 21, y + 140, w - 42, 120, 0xEAECF4);
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    assert!(e.measurements.len() > 20, "{}", e.measurements.len());
    let v = kept(&e);
    assert!(has(&v, 8.0) || has(&v, 20.0), "{v:?}");
}

#[test]
fn a_page_of_text_only_yields_values_or_says_why() {
    // Headings and paragraphs on white, nothing else: every distance ends at text.
    let mut c = Canvas::new(1280, 800, 1, 0xFFFFFF);
    let mut top = 40;
    for block in 0..4 {
        c.text(80, top, 20, INK);
        top += 24 + 16;
        for _ in 0..3 + block % 2 {
            c.text(80, top, 60, INK);
            top += 24;
        }
        top += 32;
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let s = select_with_reasons(&e.measurements, &SelectOptions::default());
    let report = explain::report(&e, &s);
    assert!(
        !report.kept.is_empty() || report.note.is_some(),
        "an empty result without a reason"
    );
    assert!(!e.measurements.is_empty());
    assert!(!report.kept.is_empty(), "{:?}", report.note);
}

#[test]
fn a_dark_page_is_measured_like_a_light_one() {
    let page = 0x111827;
    let mut c = Canvas::new(1280, 800, 1, page);
    for i in 0..3 {
        let x = 40 + i * 400;
        c.bordered(x, 60, 376, 220, 0x374151, 0x1F2937);
        c.fill(x + 25, 85, 120, 36, 0x6366F1);
        c.fill(x + 25 + 120 + 12, 85, 120, 36, 0x6366F1);
        c.fill(x + 25, 85 + 36 + 24, 326, 40, 0x374151);
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    assert_eq!(e.dpr, 1.0);
    let v = kept(&e);
    assert!(has(&v, 24.0), "{v:?}");
    assert!(has(&v, 12.0), "{v:?}");
}

#[test]
fn an_outlined_button_with_a_shadow_fringe_is_still_a_box() {
    // Regression (Bulma buttons): a 1 px #dbdbdb outline whose soft shadow left a sparse row of
    // pixels above and below the border. The fringe made the shape's top and bottom rows partial,
    // so the button was no box and its 16 px side padding was never measured.
    let page = 0xFFFFFF;
    let mut c = Canvas::new(480, 160, 1, page);
    for (i, x) in [24u32, 248].into_iter().enumerate() {
        c.bordered(x, 60, 200, 40, 0xDBDBDB, page);
        // The shadow's fringe: part of a row just outside the top and bottom borders.
        c.fill(x + 70, 59, 60, 1, 0xEEEEEE);
        c.fill(x + 60, 100, 80, 1 + i as u32, 0xEEEEEE);
        // Letters start 16 px inside the border (one pixel of side bearing).
        c.text(x + 1 + 16, 60 + 1 + 4, 19, INK);
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let paddings = paddings(&e);
    assert!(
        paddings
            .iter()
            .filter(|&&v| (v - 16.0).abs() <= 1.0)
            .count()
            >= 2,
        "each button's 16 px side padding is measured: {paddings:?}"
    );
}

#[test]
fn a_6px_half_step_measured_box_to_box_is_kept_beside_a_4px_grid() {
    // Regression (AdminLTE, Bulma, HyperUI: Bootstrap's and Tailwind's 6 and 10 px steps): on a
    // page measured box to box the evidence rule decides, and it kept only values on the grid the
    // confident ones share, so a chip's 6 px inset, measured exactly on every side of every chip,
    // was dropped as off the 4 px grid. Cards with 16 px padding hold a row of blocks 8 px apart,
    // one of them a bordered chip whose outlined bar sits 6 px inside it, and a panel 24 px below.
    let mut c = Canvas::new(800, 640, 1, 0xF3F4F6);
    for i in 0..3 {
        let (x, y) = (24, 24 + i * 200);
        c.bordered(x, y, 752, 176, 0xE5E7EB, 0xFFFFFF);
        let (ix, iy) = (x + 1 + 16, y + 1 + 16);
        for j in 0..5 {
            c.fill(ix + j * 108, iy, 100, 32, 0x9CA3AF);
        }
        let cx = ix + 5 * 108;
        c.bordered(cx, iy, 128, 32, 0x6B7280, 0xFFFFFF);
        c.bordered(
            cx + 1 + 6,
            iy + 1 + 6,
            128 - 2 - 12,
            32 - 2 - 12,
            ACCENT,
            0xFFFFFF,
        );
        c.fill(ix, iy + 32 + 24, 300, 176 - 2 - 16 - 32 - 24 - 16, 0x9CA3AF);
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let s = select_with_reasons(&e.measurements, &SelectOptions::default());
    let kept = kept(&e);
    assert!(kept.contains(&6.0), "the chip's inset: {kept:?}");
    assert!(
        [8.0, 16.0, 24.0].iter().all(|v| kept.contains(v)),
        "{kept:?}"
    );
    assert_eq!(s.base_unit, 4.0);
}

#[test]
fn a_box_with_a_hard_offset_shadow_keeps_its_padding() {
    // Regression (HyperUI's neobrutalist alerts and badges): a flat black copy of the box, 4 px
    // down and right, steps from the page as hard as the box's own edge, so the box was read 4 px
    // too big; its inside then held the strip of shadow and border, and no padding was measured.
    let page = 0xFFFFFF;
    let mut c = Canvas::new(640, 360, 1, page);
    for (i, (x, y)) in [(40u32, 40u32), (340, 40), (40, 200), (340, 200)]
        .into_iter()
        .enumerate()
    {
        c.fill(x + 4, y + 4, 260, 100, 0x000000);
        c.bordered(x, y, 260, 100, 0x1E3A8A, 0xDBEAFE);
        // An icon 16 px inside the 2 px border, two lines of text beside it 12 px on.
        let (ix, iy) = (x + 2 + 16, y + 2 + 16);
        c.fill(ix, iy, 16, 16, 0x1E3A8A);
        c.fill(ix + 1, iy + 1, 14, 14, 0x1E3A8A + i as u32);
        c.text(ix + 16 + 12, iy, 20, INK);
        c.text(ix + 16 + 12, iy + 24, 14, INK);
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let paddings = paddings(&e);
    let sixteens = paddings
        .iter()
        .filter(|&&v| (v - 16.0).abs() <= 1.0)
        .count();
    assert!(
        sixteens >= 4,
        "each alert's 16 px padding is measured: {paddings:?}"
    );
    // The gap between the boxes is measured from the box, not from its shadow: 40 px across
    // (300 − 260) would read 36 from the shadow.
    let across: Vec<f64> = e
        .measurements
        .iter()
        .filter(|m| {
            m.bbox
                .as_ref()
                .is_some_and(|b| b.y < 140 && b.x >= 300 && b.x + b.w <= 340)
        })
        .map(|m| m.value_px)
        .collect();
    assert!(across.contains(&40.0), "{across:?}");
}

#[test]
fn a_field_is_spaced_from_its_label_not_from_the_buttons_above_the_label() {
    // Regression (a Bulma contact form on a phone): a row of buttons, a label under the first,
    // then a full-width field. Under the second and third buttons nothing stands between them and
    // the field, so the 80 px from button to field was measured box to box (confidence 0.95) and
    // kept as the page's only "section spacing".
    let mut c = Canvas::new(640, 260, 1, 0xFFFFFF);
    for x in [40, 180, 320] {
        c.pill(x, 40, 120, 40, 0xF3F4F6, Some(0xF3F4F6));
    }
    // The label's line box (15 px text, line height 1.5): 130 to 152.5; the field 7.5 px below.
    c.text(40, 130, 4, INK);
    c.bordered(40, 160, 560, 40, 0xDBDBDB, 0xFFFFFF);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let button_to_field: Vec<f64> = e
        .measurements
        .iter()
        .filter(|m| {
            m.bbox
                .as_ref()
                .is_some_and(|b| b.y <= 81 && b.y + b.h >= 159 && b.x >= 170)
        })
        .map(|m| m.value_px)
        .collect();
    assert!(
        button_to_field.is_empty(),
        "button to field is not a spacing: {button_to_field:?}"
    );
    let label_to_field = e.measurements.iter().any(|m| {
        m.bbox
            .as_ref()
            .is_some_and(|b| b.x < 100 && b.y >= 140 && b.y + b.h <= 161)
            && (m.value_px - 7.5).abs() <= 1.0
    });
    assert!(label_to_field, "the label's gap: {:?}", e.measurements);
}

#[test]
fn an_outlined_card_with_a_hard_shadow_in_its_border_colour_keeps_its_padding() {
    // Regression (HyperUI's neobrutalist cards, dark theme): a white 2 px outline with a white
    // copy of the card 4 px down and right, on a dark page. The ring read 6 px thick on the right
    // and at the bottom, and nothing inside the card was measured at all.
    let page = 0x111827;
    let mut c = Canvas::new(480, 260, 1, page);
    let (x, y, w, h) = (40u32, 40u32, 380u32, 160u32);
    c.fill(x + 4, y + 4, w, h, 0xFFFFFF);
    c.fill(x, y, w, h, 0xFFFFFF);
    c.fill(x + 2, y + 2, w - 4, h - 4, page);
    // Three lines of text 24 px inside the border.
    for (i, letters) in [12u32, 30, 24].into_iter().enumerate() {
        c.text(x + 2 + 24, y + 2 + 24 + 30 * i as u32, letters, 0xFFFFFF);
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let paddings = paddings(&e);
    assert!(
        paddings.iter().any(|&v| (v - 24.0).abs() <= 1.0),
        "the card's 24 px padding is measured: {:?}",
        e.measurements
    );
}

#[test]
fn a_white_card_drawn_only_by_its_drop_shadow_keeps_its_padding() {
    // Regression (Tailwind's `bg-white shadow-md` on a white page, Meraki UI's alerts and cards):
    // the card's fill is the page's colour and its shadow, offset down, shows beside and below it
    // but not above. The shadow was a ring open at the top, no box, so nothing inside the card was
    // measured: not its 24 px side padding, not the 12 px between its two buttons.
    let page = 0xFFFFFF;
    let mut c = Canvas::new(1280, 800, 1, page);
    let cards = [(80, 80, 480, 200), (640, 80, 480, 200), (80, 360, 480, 200)];
    for &(x, y, w, h) in &cards {
        // Offset 6 px down, blur 5: the shadow starts a pixel below the card's top.
        shadow(&mut c, (x, y + 6, w, h - 6), 5, 24, page);
        c.fill(x, y, w, h, page);
        c.text(x + 24, y + 30, 16, INK);
        c.fill(x + 24, y + 90, 120, 40, ACCENT);
        c.fill(x + 24 + 120 + 12, y + 90, 120, 40, ACCENT);
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let p = paddings(&e);
    assert!(has(&p, 24.0), "no 24 px side padding in {p:?}");
    let v = kept(&e);
    assert!(has(&v, 12.0) && has(&v, 24.0), "{v:?}");
}

/// A bold o at 1x: a closed ring `size` px square with strokes `stroke` px thick.
fn ring(c: &mut Canvas, x: u32, y: u32, size: u32, stroke: u32, ink: u32, fill: u32) {
    c.fill(x, y, size, size, ink);
    c.fill(
        x + stroke,
        y + stroke,
        size - 2 * stroke,
        size - 2 * stroke,
        fill,
    );
}

#[test]
fn the_bold_os_of_a_heading_are_letters_not_boxes() {
    // Regression (Bulma's forum heading "How do you center a button in a box?", a 500 page's
    // "500"): every bold o at 1x is a closed 11 px ring with straight-enough sides, so it was read
    // as a box. Each gave 1-3 px "paddings" inside it and 1-3 px gaps to the letters beside it
    // (at the confidence of a box's side), the heading was no longer one line of text, and nothing
    // was measured to it as a line.
    let page = 0xFFFFFF;
    let mut c = Canvas::new(640, 200, 1, page);
    // A white card 24 px around a heading of words: "do", "you", "box", letters 1-2 px apart.
    c.bordered(40, 40, 560, 120, 0xD1D5DB, page);
    let (top, x_height) = (64u32, 11u32);
    let mut x = 64;
    for word in ["do", "you", "box", "to", "go"] {
        for ch in word.chars() {
            match ch {
                'o' => {
                    ring(&mut c, x, top + 4, x_height, 2, INK, page);
                    x += x_height + 1;
                }
                'd' | 'b' => {
                    // A stem with its bowl: one shape, taller than the o.
                    c.fill(x, top, 3, 15, INK);
                    c.fill(x + 3, top + 4, 6, 11, INK);
                    x += 10;
                }
                _ => {
                    c.fill(x, top + 4, 8, x_height, INK);
                    x += 10;
                }
            }
        }
        x += 6;
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    let tiny: Vec<f64> = e
        .measurements
        .iter()
        .map(|m| m.value_px)
        .filter(|&v| v <= 3.0)
        .collect();
    assert!(
        tiny.is_empty(),
        "letter spaces measured as spacing: {tiny:?}"
    );
    assert!(
        has(&paddings(&e), 23.0),
        "the card's padding to the heading: {:?}",
        e.measurements
    );
}

#[test]
fn a_checkbox_beside_its_label_stays_a_box() {
    // The other side of the letter test: a 16 px outlined checkbox 8 px from its label's letters
    // is a control, and the 8 px between them is a designed gap.
    let page = 0xFFFFFF;
    let mut c = Canvas::new(400, 120, 1, page);
    for row in 0..2u32 {
        let y = 30 + row * 40;
        ring(&mut c, 40, y, 16, 1, 0x6B7280, page);
        c.text(40 + 16 + 8, y - 3, 12, INK);
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    assert!(
        e.measurements
            .iter()
            .any(|m| m.value_px == 8.0 && m.context.as_deref() == Some("inline gap")),
        "the checkbox's gap to its label: {:?}",
        e.measurements
    );
}

#[test]
fn a_button_filled_with_a_gradient_keeps_its_padding() {
    // Regression (Bulma's "New Post" button, a blue top-to-bottom gradient): against one colour of
    // its fill the gradient parted into full-width bands, each read as a filled box inside the
    // last, so the button gave a column of 3 and 4 px "paddings" and none to its label.
    let page = 0xF3F4F6;
    let mut c = Canvas::new(480, 200, 1, page);
    let (x, y, w, h) = (40u32, 40u32, 300u32, 48u32);
    for row in 0..h {
        // 0x0070FF at the top to 0x00C0FF at the bottom: under 2 levels a row.
        let g = 0x70 + (0x50 * row) / (h - 1);
        c.fill(x, y + row, w, 1, (g << 8) | 0xFF);
    }
    // The label, 24 px from the button's left: thin letters, so the fill's most common colour
    // is one of its rows, as on a real button.
    for i in 0..8 {
        c.fill(x + 24 + i * 7, y + 19, 2, 11, 0x111827);
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    let p = paddings(&e);
    assert!(
        !p.iter().any(|&v| v <= 4.0),
        "gradient bands read as nested boxes: {p:?}"
    );
    assert!(has(&p, 24.0), "the label's side padding: {p:?}");
}

#[test]
fn a_sidebar_beside_a_shape_as_tall_is_no_letter() {
    // Regression (Mazer's pricing page, from the first letter test): the white sidebar stood 174
    // px from the content's cards, which their soft shadows had joined into one shape about as
    // tall, and that is what a letter beside a letter looks like at any size. The sidebar was
    // taken for a letter and nothing in it was measured: 2 distances on the whole page.
    let page = 0xF2F7FF;
    let mut c = Canvas::new(1280, 800, 1, page);
    c.fill(0, 0, 300, 800, 0xFFFFFF);
    for i in 0..10 {
        c.text(48, 40 + 56 * i, 10, INK);
    }
    // An L of cards, no box: 632 x 690, 174 px to the sidebar's right.
    c.fill(474, 110, 632, 300, 0xFFFFFF);
    c.fill(474, 110, 200, 690, 0xFFFFFF);
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    let p = paddings(&e);
    assert!(has(&p, 48.0), "the sidebar's 48 px padding: {p:?}");
}

#[test]
fn the_bars_of_a_menu_icon_are_no_spacing() {
    // Regression (Mazer's phone pages, every menu button): the three bars of a hamburger icon,
    // 5 px apart, gave 3 px "gaps" (at 2.625x) that the selection kept as a token.
    let page = 0xF2F7FF;
    let mut c = Canvas::new(390, 300, 3, page);
    for i in 0..3 {
        c.fill(24, 24 + i * 7, 20, 2, INK);
    }
    // Stacked progress bars stay measured: long for the 16 px between them.
    for i in 0..3 {
        c.fill(24, 120 + i * 24, 300, 8, ACCENT);
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(3.0).expect("3x"));
    let icon: Vec<f64> = e
        .measurements
        .iter()
        .filter(|m| m.bbox.is_some_and(|b| b.y < 50 * 3 && b.h < 10 * 3))
        .map(|m| m.value_px)
        .collect();
    assert!(icon.is_empty(), "the icon's bars measured: {icon:?}");
    assert!(
        e.measurements.iter().any(|m| m.value_px == 16.0),
        "the progress bars' 16 px: {:?}",
        e.measurements
    );
}

#[test]
fn a_card_across_two_section_bands_keeps_its_padding() {
    // Regression (Meraki UI's dark team page on a phone): a lighter section band behind the
    // heading ends halfway down an outlined card, and the card's photo crosses the band's edge
    // too. Band, outline, photo and heading joined into one shape that was no box, read as one
    // glyph: the whole page gave 7 distances, and none inside the card.
    let (upper, lower) = (0x1F2937, 0x111827);
    let mut c = Canvas::new(390, 700, 1, lower);
    c.fill(0, 0, 390, 300, upper);
    c.text(96, 40, 20, 0xFFFFFF);
    // The card: a 1 px outline, no fill of its own, across the band's edge at y 300.
    c.fill(24, 200, 342, 400, 0x4B5563);
    c.fill(25, 201, 340, 99, upper);
    c.fill(25, 300, 340, 299, lower);
    // Its photo, 24 px inside the outline, crosses the edge too; the name 24 px under it.
    c.fill(49, 225, 292, 200, 0xD1D5DB);
    c.text(120, 449, 12, 0xFFFFFF);
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    let p = paddings(&e);
    assert!(
        has(&p, 24.0),
        "the card's 24 px padding to its photo: {p:?}"
    );
}

#[test]
fn two_buttons_stacked_without_a_margin_are_read_as_two_boxes() {
    // Regression (AdminLTE's modal page): an outlined button resting on a wider filled one, no
    // margin between them, labels as one shape that is no box; it was read as one glyph and
    // neither button's 12 px side padding was measured.
    let page = 0x454D55;
    let mut c = Canvas::new(480, 160, 1, page);
    c.bordered(24, 40, 200, 36, 0x6C757D, page);
    c.text(24 + 1 + 12, 40 + 7, 20, 0xFFFFFF);
    c.fill(24, 76, 220, 36, 0xFFC107);
    c.text(24 + 12, 76 + 7, 22, INK);
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let twelves: Vec<u32> = padding_measurements(&e)
        .filter(|m| (m.value_px - 12.0).abs() <= 1.0)
        .filter_map(|m| m.bbox.map(|b| b.y))
        .collect();
    assert!(
        twelves.iter().any(|&y| y < 76) && twelves.iter().any(|&y| y >= 76),
        "both buttons' 12 px side padding is measured: {:?}",
        e.measurements
    );
}

#[test]
fn a_bordered_panel_whose_striped_rows_match_the_page_is_still_a_box() {
    // Regression (Gentelella's tables): a white panel with a 1 px border on a #f7f7f7 page holds a
    // bordered table whose striped rows (#f9f9f9) are within the tolerance of the page. The stripes
    // are holes in the panel's shape, which filled too little of its outline and was read as
    // shapes joined by shadows: at the coarser contrasts that part them the panel and the table's
    // rules faded, and no cell's 8 px padding was measured.
    let page = 0xF7F7F7;
    let mut c = Canvas::new(680, 480, 1, page);
    c.bordered(20, 20, 640, 440, 0xE6E9ED, 0xFFFFFF);
    let (x0, x1, top) = (37u32, 643u32, 60u32);
    c.fill(x0, top, x1 - x0, 9 * 40 + 1, 0xDDDDDD);
    for row in 0..9u32 {
        let y = top + 1 + row * 40;
        for col in 0..3u32 {
            let cx = x0 + 1 + col * 202;
            let fill = if row % 2 == 0 { 0xF9F9F9 } else { 0xFFFFFF };
            c.fill(cx, y, 201, 39, fill);
            // Each cell's text 8 px inside its borders.
            c.text(cx + 8, y + 8, 12, INK);
        }
    }
    let e = measure(&c.raster(), false, None, Dpr::Auto);
    let paddings = paddings(&e);
    let eights = paddings.iter().filter(|&&v| (v - 8.0).abs() <= 1.0).count();
    assert!(
        eights >= 27,
        "each cell's 8 px padding is measured: {paddings:?}"
    );
}
