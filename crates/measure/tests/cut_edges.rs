//! The sides along which a page is cut into parts (a sidebar beside the content, a header above
//! it) are edges the content is padded from (issue 14).

mod common;

use common::Canvas;
use copy_that_measure::{measure, Dpr};

const INK: u32 = 0x1F2937;

#[test]
fn the_content_beside_a_sidebar_is_padded_from_the_sidebars_edge() {
    // Regression (Gentelella's admin pages, 1x): a dark sidebar and a white top bar, touching, on
    // a grey page: one shape that is no box, so the page is cut where the colour steps run right
    // across it, into the sidebar, the bar and the content. The content's 20 px padding from the
    // sidebar's edge to its title and panels was measured from no edge: a cut part is no box, and
    // only a box's inside was padded.
    let mut c = Canvas::new(1000, 640, 1, 0xF7F7F7);
    c.fill(0, 0, 230, 640, 0x2A3F54);
    c.fill(230, 0, 770, 57, 0xFFFFFF);
    c.text(900, 20, 6, INK);
    for k in 0..6 {
        c.text(24, 40 + 44 * k, 10, 0xE7E7E7);
    }
    // The content: a title and two panels, 20 px from the sidebar's edge; the panels' own
    // padding is 10.
    c.text(250, 77, 14, INK);
    for (y, h) in [(120u32, 200u32), (340, 240)] {
        c.bordered(250, y, 700, h, 0xE6E9ED, 0xFFFFFF);
        c.text(261, y + 11, 20, INK);
    }
    let e = measure(&c.raster(), false, None, Dpr::fixed(1.0).expect("1x"));
    let from_edge: Vec<u32> = e
        .measurements
        .iter()
        .filter_map(|m| m.bbox.as_ref().map(|b| (m.value_px, b)))
        .filter(|(v, b)| b.x == 230 && f64::from(b.w) == *v)
        .map(|(_, b)| b.y)
        .collect();
    assert!(
        from_edge.len() >= 3,
        "the title and both panels padded 20 px from the sidebar's edge: {:?}",
        e.measurements
    );
}
