//! Cutting a region along a straight edge that runs all the way across it.
//!
//! Admin layouts put a dark sidebar beside a white top bar beside a grey content area: three
//! regions of different colours that touch, so no single background colour separates them and they
//! label as one blob. Where a colour step runs the full height (or width) of the region — the
//! sidebar's right edge, the top bar's bottom edge — the region is two regions, each with its own
//! background (an XY cut).
//!
//! The same cut parts a shape: boxes that touch (a button resting on another with no margin)
//! label as one shape that is no box, and were read as one glyph. So does a line drawn along a
//! shape's side (a top bar's bottom border with the active item's box resting on it), too thin to
//! be a part an XY cut leaves.

use crate::boxes::{is_rule, BoxReader};
use crate::components::{label, Component, Rect};
use crate::raster::{diff, Raster};

/// Share of the rows (columns) the step must cross.
const FULL: f64 = 0.97;
/// Smallest part a cut may leave, in px.
const MIN_PART: u32 = 16;

/// The straightest full-length cut of `rect`, vertical or horizontal, as the two parts.
pub fn xy_cut(r: &Raster, rect: Rect, tol: u32) -> Option<(Rect, Rect)> {
    if rect.w() < 2 * MIN_PART || rect.h() < 2 * MIN_PART {
        return None;
    }
    // Share of every other row (column) of `across` on which `step(i)` holds; 0 as soon as
    // more are missed than a full cut allows (most lines miss at once: this was a seventh of the
    // time of a phone screenshot).
    let share = |across: std::ops::Range<u32>, step: &dyn Fn(u32) -> bool| -> f64 {
        let n = across.clone().step_by(2).len().max(1) as f64;
        let allowed = n * (1.0 - FULL) + 1.0;
        let (mut hits, mut misses) = (0u32, 0u32);
        for i in across.step_by(2) {
            if step(i) {
                hits += 1;
            } else {
                misses += 1;
                if f64::from(misses) > allowed {
                    return 0.0;
                }
            }
        }
        f64::from(hits) / n
    };
    let mut best: Option<(f64, Rect, Rect)> = None;
    let mut consider = |s: f64, a: Rect, b: Rect| {
        if s >= FULL && best.as_ref().is_none_or(|b| s > b.0) {
            best = Some((s, a, b));
        }
    };
    // Vertical cuts: a step between columns x-1 and x on (nearly) every row.
    for x in rect.x0 + MIN_PART..rect.x1 - MIN_PART {
        let s = share(rect.y0..rect.y1, &|y| {
            diff(r.at(x - 1, y), r.at(x, y)) > tol
        });
        consider(s, Rect { x1: x, ..rect }, Rect { x0: x, ..rect });
    }
    // Horizontal cuts: a step between rows y-1 and y on (nearly) every column.
    for y in rect.y0 + MIN_PART..rect.y1 - MIN_PART {
        let s = share(rect.x0..rect.x1, &|x| {
            diff(r.at(x, y - 1), r.at(x, y)) > tol
        });
        consider(s, Rect { y1: y, ..rect }, Rect { y0: y, ..rect });
    }
    best.map(|(_, a, b)| (a, b))
}

/// How many times a shape of touching boxes is cut (three buttons in a row: twice).
const SPLIT_DEPTH: u32 = 3;
/// A part that is no box must be under this fraction of the shape (1/n) for the cut to stand.
const SMALL_PART: u64 = 8;

/// A box's outer and inner rectangles, as `BoxReader::as_box` reads them.
type Found = Option<(Rect, Rect)>;
/// A shape and the box read of it, if it is one.
pub(crate) type Read<'c> = (&'c Component, Found);

/// The shapes of a region read as no box that part into boxes (cut where a colour step runs
/// right across them): their indices in `read`, and all their parts, each with its box.
pub(crate) fn joined(
    reader: &mut BoxReader,
    read: &[Read],
    bg: u32,
    slack: u32,
) -> (Vec<usize>, Vec<(Component, Found)>) {
    let mut split = Vec::new();
    let mut parts = Vec::new();
    for (i, (c, found)) in read.iter().enumerate() {
        if found.is_none() && !is_rule(c) {
            if let Some(p) = into_boxes(reader, c, bg, slack, SPLIT_DEPTH) {
                split.push(i);
                parts.extend(p);
            }
        }
    }
    (split, parts)
}

/// The shapes `c` parts into, each with its box, when cut along a colour step that runs right
/// across it, each part labelled against the region's background (and cut again, `depth` times),
/// if it parts into boxes: one part at least is a box, and every part that is no box is small
/// beside the shape (a label inside an outlined button). A box joined to a large shape that is no
/// box (a chart, a photo) stays one shape: cut, the large part's pieces would be read as content.
fn into_boxes(
    reader: &mut BoxReader,
    c: &Component,
    bg: u32,
    slack: u32,
    depth: u32,
) -> Option<Vec<(Component, Found)>> {
    if depth == 0 {
        return None;
    }
    // A line along a side runs the whole width of a bar, whose rectangle holds every item of the
    // bar: only the shape's own pieces are its parts then.
    let (a, b, only_own) = match xy_cut(reader.raster, c.bbox, reader.tol) {
        Some((a, b)) => (a, b, false),
        None => {
            let (a, b) = edge_line(reader.raster, c.bbox, bg, reader.tol)?;
            (a, b, true)
        }
    };
    let area = |r: &Rect| u64::from(r.w()) * u64::from(r.h());
    // What reading the parts noted (border widths, cropped boxes) is forgotten if the cut does
    // not stand.
    let start = reader.marks();
    let (mut boxes, mut small) = (0, true);
    let mut out = Vec::new();
    for part in [a, b] {
        for p in label(reader.raster, part, bg, reader.tol) {
            if only_own && !piece_of(c, &p) {
                continue;
            }
            if let Some(found) = reader.as_box(&p, bg, slack) {
                boxes += 1;
                out.push((p, Some(found)));
            } else if let Some(more) = into_boxes(reader, &p, bg, slack, depth - 1) {
                boxes += 1;
                out.extend(more);
            } else {
                small &= area(&p.bbox) * SMALL_PART < area(&c.bbox);
                out.push((p, None));
            }
        }
    }
    if boxes > 0 && small {
        Some(out)
    } else {
        reader.forget(start, reader.marks());
        None
    }
}

/// Whether `p`, labelled inside `c`'s rectangle, is a piece of `c` (and not another shape within
/// that rectangle: a label inside an outlined button, the items of a top bar).
fn piece_of(c: &Component, p: &Component) -> bool {
    let Some(r) = p.runs.first() else {
        return false;
    };
    let from = c.runs.partition_point(|q| q.y < r.y);
    c.runs[from..]
        .iter()
        .take_while(|q| q.y == r.y)
        .any(|q| q.x0 < r.x1 && r.x0 < q.x1)
}

/// Thickest line (px) cut off a shape's side.
const EDGE_LINE: u32 = 4;

/// A line drawn the whole length of one side of a shape, and the rest: a top bar's bottom border
/// with the active item's box resting on it joins the two into one shape, and the line is too
/// thin to be a part `xy_cut` leaves.
fn edge_line(r: &Raster, rect: Rect, bg: u32, tol: u32) -> Option<(Rect, Rect)> {
    let full = |along: std::ops::Range<u32>, ink: &dyn Fn(u32) -> bool| {
        let n = along.len() as f64;
        along.filter(|&i| ink(i)).count() as f64 >= FULL * n
    };
    let row = |y: u32| full(rect.x0..rect.x1, &|x| diff(r.at(x, y), bg) > tol);
    let col = |x: u32| full(rect.y0..rect.y1, &|y| diff(r.at(x, y), bg) > tol);
    // How many full rows (columns) from an edge inward, when a line of 1 to EDGE_LINE px ends
    // there.
    let run = |lines: &mut dyn Iterator<Item = u32>, is_full: &dyn Fn(u32) -> bool| {
        let k = lines
            .take(EDGE_LINE as usize + 1)
            .take_while(|&i| is_full(i))
            .count() as u32;
        (1..=EDGE_LINE).contains(&k).then_some(k)
    };
    if rect.w() < 2 * MIN_PART || rect.h() < 2 * MIN_PART {
        return None;
    }
    let at_y = |y: u32| (Rect { y1: y, ..rect }, Rect { y0: y, ..rect });
    let at_x = |x: u32| (Rect { x1: x, ..rect }, Rect { x0: x, ..rect });
    run(&mut (rect.y0..rect.y1).rev(), &row)
        .map(|k| at_y(rect.y1 - k))
        .or_else(|| run(&mut (rect.y0..rect.y1), &row).map(|k| at_y(rect.y0 + k)))
        .or_else(|| run(&mut (rect.x0..rect.x1).rev(), &col).map(|k| at_x(rect.x1 - k)))
        .or_else(|| run(&mut (rect.x0..rect.x1), &col).map(|k| at_x(rect.x0 + k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sidebar_beside_a_top_bar_and_content_is_cut_at_its_edge() {
        // 200 px wide: a dark sidebar (0..50), a white bar on top of the rest (0..20), grey below.
        let r = Raster::painted(200, 120, |x, y| {
            if x < 50 {
                0x343A40
            } else if y < 20 {
                0xFFFFFF
            } else {
                0xF4F6F9
            }
        });
        let page = Rect::covering(&r);
        let (a, b) = xy_cut(&r, page, 4).expect("a cut");
        assert_eq!((a.x1, b.x0), (50, 50));
        // The right part is cut again under the bar.
        let (top, rest) = xy_cut(&r, b, 4).expect("a second cut");
        assert_eq!((top.y1, rest.y0), (20, 20));
        assert!(xy_cut(&r, rest, 4).is_none());
    }

    #[test]
    fn a_line_along_a_shapes_side_is_cut_off_and_a_solid_shape_is_not() {
        // 200 x 40: a blue box (60..100, rows 0..38) resting on a 2 px line across the bottom.
        let r = Raster::painted(200, 40, |x, y| {
            if y >= 38 {
                0xDBDBDB
            } else if (60..100).contains(&x) {
                0x485FC7
            } else {
                0xFFFFFF
            }
        });
        let all = Rect::covering(&r);
        let (rest, line) = edge_line(&r, all, 0xFFFFFF, 4).expect("the line");
        assert_eq!((rest.y1, line.y0, line.y1), (38, 38, 40));
        // The box alone is solid: every row is full, no line is thinner than the shape.
        let solid = Rect {
            x0: 60,
            y0: 0,
            x1: 100,
            y1: 38,
        };
        assert!(edge_line(&r, solid, 0xFFFFFF, 4).is_none());
    }
}
