//! Reading a region whose shapes label as one blob.
//!
//! On real pages a region's background is often not one colour that separates its shapes: soft
//! shadows touch and join every card, bar and sidebar; a dark sidebar, a white top bar and a grey
//! content area touch; a gradient lies behind a login card. Each makes one component that is no box,
//! and without this step the page gave no measurement at all. In order: cut the region where a
//! colour step runs right across it ([`crate::split`]); else read it at coarser contrasts until
//! the shadows part; else take as background what spreads smoothly from its border. A shape read
//! as no box that is a `band` of another colour says the same after the boxes are read: the layout
//! reads its region again (`read_band`: cut, else off what spreads from the border).

use crate::boxes::{in_corner, row_cover, sides};
use crate::components::{
    coverage, dominant_colour, edge_colour, label, label_off_smooth_background, Component, Rect,
    SMOOTH_STEP,
};
use crate::raster::{diff, Raster};

/// Coarser contrasts at which a region whose shapes are joined by soft shadows is read again,
/// until they part.
const BLOB_TOLERANCES: [u32; 4] = [10, 16, 24, 32];
/// Side slack of boxes found at a coarse contrast, in px.
pub const COARSE_SLACK: u32 = 4;
/// Below this share of the page, the colour of its edges is not its background.
const RARE_BACKGROUND: f64 = 0.2;

/// How a region is to be read.
pub enum Reading {
    /// As two regions, each on its own background.
    Cut(Rect, Rect),
    /// Its components; `coarse` when they were read at a coarser contrast than asked.
    Components { comps: Vec<Component>, coarse: bool },
}

/// The background of a page (or of a part an XY cut made): its colour along the right and bottom
/// edges, unless that colour is rare on it (wide cards' soft shadows can reach the right edge and
/// tint it).
pub fn page_background(raster: &Raster, page: Rect, tol: u32) -> u32 {
    let bg = edge_colour(raster, page);
    if coverage(raster, page, bg, tol) < RARE_BACKGROUND {
        dominant_colour(raster, page)
    } else {
        bg
    }
}

/// A component spanning most of its region without filling it, or reaching all four of its sides:
/// shapes joined by their shadows or by touching.
fn blob(c: &Component, region: Rect) -> bool {
    let (w, h) = (c.bbox.w(), c.bbox.h());
    let everywhere = c.bbox == region;
    w * 5 >= region.w() * 3
        && h * 5 >= region.h() * 3
        && (everywhere || u64::from(c.pixels) * 10 < u64::from(w) * u64::from(h) * 7)
}

/// Whether a shape is drawn along the straight middle 60 % of each of its four sides (its bottom
/// may be the screenshot's crop): a panel whose inside does not fill it (a table's striped rows
/// within a tolerance of the page), not cards joined by their shadows, which leave the page between
/// them along the sides.
fn outlined(c: &Component, image_h: u32) -> bool {
    let b = c.bbox;
    if b.w() < 5 || b.h() < 5 {
        return false;
    }
    let (lo, hi) = (b.x0 + b.w() / 5, b.x1 - b.w() / 5);
    sides(c, 1).drawn()
        && row_cover(c, b.y0, lo, hi)
        && (b.y1 == image_h || row_cover(c, b.y1 - 1, lo, hi))
}

/// A solid shape that is no box, reaching three sides of its region and a quarter of its other
/// extent: a band of another colour (a section behind a heading) joined to what crosses its edge
/// (a card outlined across two sections, a photo). It fills its outline too well to be read as a
/// blob of shadows, and read as one glyph it hid everything on it. (A JPEG's ringing along the
/// inside of a button is a thin frame, not solid.) The region has two backgrounds.
pub(crate) fn band(c: &Component, region: Rect) -> bool {
    let b = c.bbox;
    let sides = [
        b.x0 == region.x0,
        b.y0 == region.y0,
        b.x1 == region.x1,
        b.y1 == region.y1,
    ];
    let (w, h) = (b.w(), b.h());
    sides.iter().filter(|&&s| s).count() >= 3
        && w * 4 >= region.w()
        && h * 4 >= region.h()
        && u64::from(c.pixels) * 2 >= u64::from(w) * u64::from(h)
}

/// Reads again a region in which a shape read as no box is a [`band`]: as two regions where a
/// colour step runs straight across it, else against every colour that spreads from its border (a
/// card or a photo crosses the band's edge). A box's inside is never cut: its fill is its
/// background.
pub(crate) fn read_band(raster: &Raster, rect: Rect, tol: u32, is_box: bool) -> Reading {
    if !is_box {
        if let Some((a, b)) = crate::split::xy_cut(raster, rect, tol) {
            return Reading::Cut(a, b);
        }
    }
    Reading::Components {
        comps: label_off_smooth_background(raster, rect, SMOOTH_STEP, tol),
        coarse: false,
    }
}

/// Labels a region against `bg` at contrast `tol`, parting blobs as the module says. A box's inside
/// is never cut (its fill is its background), but a gradient fill (a hero's) is read against what
/// spreads smoothly from its edges, as a gradient page is.
pub fn read(raster: &Raster, rect: Rect, bg: u32, tol: u32, is_box: bool) -> Reading {
    // A box filled with a gradient (a button's, a banner's) labelled against one colour of it
    // parts into bands, each a full-width filled shape: a box in a box in a box, a few pixels
    // apart, and none of it designed.
    if is_box && gradient_fill(raster, rect, tol) {
        // The anti-aliased arcs of its rounded corners stand out from the gradient too.
        let comps = label_off_smooth_background(raster, rect, SMOOTH_STEP, tol)
            .into_iter()
            .filter(|c| !in_corner(&c.bbox, rect, 2))
            .collect();
        return Reading::Components {
            comps,
            coarse: false,
        };
    }
    let mut comps = label(raster, rect, bg, tol);
    // A table's grid of lines spans its region too, but it is lines, not shapes joined by shadows:
    // read against the smooth background instead, the separators that run into the region's
    // border were flooded as background.
    let joins = |c: &&Component| {
        blob(c, rect)
            && (c.bbox == rect || !outlined(c, raster.height))
            && crate::boxes::lattice::lines(c).is_none()
    };
    let has_blob = |comps: &[Component]| comps.iter().any(|c| joins(&c));
    // Each labelling is tested once: the test of lines counts a shape's pixels per column.
    let joined: Vec<&Component> = comps.iter().filter(joins).collect();
    if !is_box && !joined.is_empty() {
        if let Some((a, b)) = crate::split::xy_cut(raster, rect, tol) {
            return Reading::Cut(a, b);
        }
    }
    // The faces of the panels a blob joins, found at the region's own contrast before a coarser
    // one loses them.
    let panels: Vec<Component> = joined
        .iter()
        .flat_map(|c| crate::panels::by_face(raster, rect, bg, tol, c))
        .collect();
    let mut blobbed = !joined.is_empty();
    let mut coarse = false;
    for t in BLOB_TOLERANCES.into_iter().filter(|&t| t > tol) {
        if !blobbed {
            break;
        }
        comps = label(raster, rect, bg, t);
        coarse = true;
        blobbed = has_blob(&comps);
    }
    if blobbed {
        comps = label_off_smooth_background(raster, rect, SMOOTH_STEP, tol);
    }
    if !panels.is_empty() {
        comps = crate::panels::in_place_of(comps, panels);
    }
    Reading::Components { comps, coarse }
}

/// Whether a region's fill is a gradient: along the straight middle of each side (a rounded
/// box's corners show what is outside it) the colour moves smoothly, never a step of more than
/// [`SMOOTH_STEP`], and somewhere by more than `tol` from where that side starts.
fn gradient_fill(raster: &Raster, rect: Rect, tol: u32) -> bool {
    let (w, h) = (rect.w(), rect.h());
    if w < 10 || h < 10 {
        return false;
    }
    let (xa, xb) = (rect.x0 + w / 5, rect.x1 - w / 5);
    let (ya, yb) = (rect.y0 + h / 5, rect.y1 - h / 5);
    let sides: [Vec<u32>; 4] = [
        (xa..xb).map(|x| raster.at(x, rect.y0)).collect(),
        (xa..xb).map(|x| raster.at(x, rect.y1 - 1)).collect(),
        (ya..yb).map(|y| raster.at(rect.x0, y)).collect(),
        (ya..yb).map(|y| raster.at(rect.x1 - 1, y)).collect(),
    ];
    let smooth = sides
        .iter()
        .all(|s| s.windows(2).all(|p| diff(p[0], p[1]) <= SMOOTH_STEP));
    let drifts = sides.iter().any(|s| s.iter().any(|&c| diff(c, s[0]) > tol));
    smooth && drifts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(x0: u32, y0: u32, x1: u32, y1: u32, pixels: u32) -> Component {
        Component {
            bbox: Rect { x0, y0, x1, y1 },
            pixels,
            runs: Vec::new(),
        }
    }

    #[test]
    fn a_solid_band_across_a_region_is_a_band_and_a_thin_frame_is_not() {
        let region = Rect {
            x0: 0,
            y0: 0,
            x1: 400,
            y1: 600,
        };
        // A section band over the top half, joined to a photo below it.
        assert!(band(&shape(0, 0, 400, 320, 110_000), region));
        // The same outline drawn as a 2 px frame (a JPEG's ringing): no band.
        assert!(!band(&shape(0, 0, 400, 320, 2_500), region));
        // Three sides, but a sliver of the height: a heading's underline, no band.
        assert!(!band(&shape(0, 0, 400, 40, 16_000), region));
        // Two sides only: a card in a corner.
        assert!(!band(&shape(0, 0, 300, 400, 120_000), region));
    }
}
