//! Panels found by their face.
//!
//! Cards on a light grey page (white on `#f4f6f9`, 11 levels apart) are joined by their soft
//! shadows into one shape that is no box. The blob reading then labels the region at coarser
//! contrasts until the shapes part, and at those contrasts the cards themselves are gone, with the
//! 1 px separators drawn on them (`#dee2e6`, 22 levels off the page but 33 off the card): their
//! content was measured as if it lay on the page, and a table's rows measured to each other
//! straight across the separators between them.
//!
//! The cards' faces are still there at the region's own contrast: flat areas of one colour, each
//! a rectangle with holes where its content is. Each such face is read as a filled box, and what
//! lies on it is read inside it, on its own colour.

use crate::boxes::{row_cover, sides};
use crate::components::{label_fill, Component, Rect, Run};
use crate::raster::{diff, Raster};

/// Smallest side of a panel, in image px.
const MIN_SIDE: u32 = 48;
/// Least share of its rectangle a panel's face covers (the rest is its content).
const FACE: f64 = 0.5;
/// Most of its region a panel covers, in tenths: a face as large as the region is its background.
const MOST_TENTHS: u64 = 9;
/// How far a shadow reaches beyond a panel, in image px: shapes within it that hold the panel are
/// its shadow, read at a coarse contrast.
const SHADOW_REACH: u32 = 24;

/// The panels a shape joins (`blob`, labelled against `bg` at `tol` in `region`), each as a solid
/// shape of its rectangle, for the box reading: the faces in the shape's two most common colours
/// (white cards beside a blue one).
pub(crate) fn by_face(
    raster: &Raster,
    region: Rect,
    bg: u32,
    tol: u32,
    blob: &Component,
) -> Vec<Component> {
    let region_area = u64::from(region.w()) * u64::from(region.h());
    let mut faces: Vec<Component> = Vec::new();
    let mut seen: Vec<u32> = vec![bg];
    for face in common_colours(raster, blob) {
        if seen.iter().any(|&c| diff(c, face) <= tol) {
            continue;
        }
        seen.push(face);
        faces.extend(
            label_fill(raster, blob.bbox, face, bg, tol)
                .into_iter()
                .filter(|f| {
                    let area = u64::from(f.bbox.w()) * u64::from(f.bbox.h());
                    area * 10 <= MOST_TENTHS * region_area && panel(f)
                })
                .map(|f| solid(f.bbox)),
        );
        if seen.len() > FACE_COLOURS {
            break;
        }
    }
    faces
}

/// How many colours of a shape are looked at for panel faces.
const FACE_COLOURS: usize = 2;

/// Whether a flat face is a panel's: large, mostly face, and rectangular (its top and bottom rows
/// and both its sides drawn; rounded corners are fine).
fn panel(f: &Component) -> bool {
    let b = f.bbox;
    if b.w() < MIN_SIDE || b.h() < MIN_SIDE {
        return false;
    }
    let area = f64::from(b.w()) * f64::from(b.h());
    let (lo, hi) = (b.x0 + b.w() / 5, b.x1 - b.w() / 5);
    f64::from(f.pixels) >= FACE * area
        && sides(f, 1).drawn()
        && row_cover(f, b.y0, lo, hi)
        && row_cover(f, b.y1 - 1, lo, hi)
}

/// A shape's colours, the most common first, sampled on about 64 of its rows, every fourth pixel.
fn common_colours(raster: &Raster, c: &Component) -> Vec<u32> {
    let step = (c.bbox.h() / 64).max(1);
    let mut counts: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    for r in c
        .runs
        .iter()
        .filter(|r| (r.y - c.bbox.y0).is_multiple_of(step))
    {
        for x in (r.x0..r.x1).step_by(4) {
            *counts.entry(raster.at(x, r.y)).or_default() += 1;
        }
    }
    let mut colours: Vec<(u32, u32)> = counts.into_iter().collect();
    colours.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    colours.into_iter().map(|(c, _)| c).collect()
}

/// A shape that fills `r`.
fn solid(r: Rect) -> Component {
    Component {
        bbox: r,
        pixels: r.w() * r.h(),
        runs: (r.y0..r.y1)
            .map(|y| Run {
                y,
                x0: r.x0,
                x1: r.x1,
            })
            .collect(),
    }
}

/// Whether `outer` holds `inner`.
fn holds(outer: Rect, inner: Rect) -> bool {
    outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1
}

/// `comps` with the panels in place of what they hold and of the shadows around them.
pub(crate) fn in_place_of(mut comps: Vec<Component>, panels: Vec<Component>) -> Vec<Component> {
    comps.retain(|c| {
        !panels.iter().any(|p| {
            let reach = Rect {
                x0: p.bbox.x0.saturating_sub(SHADOW_REACH),
                y0: p.bbox.y0.saturating_sub(SHADOW_REACH),
                x1: p.bbox.x1 + SHADOW_REACH,
                y1: p.bbox.y1 + SHADOW_REACH,
            };
            holds(p.bbox, c.bbox) || (holds(c.bbox, p.bbox) && holds(reach, c.bbox))
        })
    });
    comps.extend(panels);
    comps
}
