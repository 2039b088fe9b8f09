//! Shapes drawn only of straight lines that touch: a table's left border with its row separators
//! running off it, a bordered table's grid, a list's frame with the rules between its rows.
//!
//! Such a shape is no box and no single rule, so it was read as one graphic as large as the table:
//! the text of every row sat inside it, and each row's text measured to the next row's text
//! straight across the separator between them (12 + 1 + 12 px read 25).

use crate::components::{Component, Rect};

/// Share of the shape's width (height) a row (column) of its pixels must cover to be part of a
/// line across it.
const ACROSS: f64 = 0.9;
/// Thickest line, in image px: 1 CSS px at up to 3x, with room for anti-aliasing.
const THICK: u32 = 4;
/// Share of the shape's pixels its lines must hold: the rest is anti-aliasing where lines cross.
const HELD: f64 = 0.97;
/// Densest a shape of lines is: thin lines at least a few rows apart cover little of their box.
/// Also keeps the per-column count cheap: a filled shape is turned down before it.
const SPARSE: f64 = 0.2;
/// Smallest side of a shape read as lines, in image px.
const MIN_SIDE: u32 = 24;

/// The straight lines a shape is made of, each as its rectangle, when it is made of nothing else
/// and of two lines at least.
pub(crate) fn lines(c: &Component) -> Option<Vec<Rect>> {
    let b = c.bbox;
    let (w, h) = (b.w(), b.h());
    if w < MIN_SIDE || h < MIN_SIDE || f64::from(c.pixels) > SPARSE * f64::from(w) * f64::from(h) {
        return None;
    }
    let mut per_row = vec![0u32; h as usize];
    let mut per_col = vec![0u32; w as usize];
    for r in &c.runs {
        per_row[(r.y - b.y0) as usize] += r.x1 - r.x0;
        for x in r.x0..r.x1 {
            per_col[(x - b.x0) as usize] += 1;
        }
    }
    let rows = full_bands(&per_row, w)?;
    let cols = full_bands(&per_col, h)?;
    if rows.len() + cols.len() < 2 {
        return None;
    }
    let in_rows = |y: u32| rows.iter().any(|&(a, z)| (a..z).contains(&(y - b.y0)));
    let held: u32 = c
        .runs
        .iter()
        .map(|r| {
            if in_rows(r.y) {
                r.x1 - r.x0
            } else {
                cols.iter()
                    .map(|&(a, z)| (r.x1 - b.x0).min(z).saturating_sub((r.x0 - b.x0).max(a)))
                    .sum()
            }
        })
        .sum();
    if f64::from(held) < HELD * f64::from(c.pixels) {
        return None;
    }
    let across = rows.iter().map(|&(a, z)| Rect {
        y0: b.y0 + a,
        y1: b.y0 + z,
        ..b
    });
    let down = cols.iter().map(|&(a, z)| Rect {
        x0: b.x0 + a,
        x1: b.x0 + z,
        ..b
    });
    Some(across.chain(down).collect())
}

/// The bands of consecutive entries of `counts` that cover `ACROSS` of `length`, as offsets
/// `start..end`; `None` when one is thicker than a line.
fn full_bands(counts: &[u32], length: u32) -> Option<Vec<(u32, u32)>> {
    let mut bands: Vec<(u32, u32)> = Vec::new();
    let need = ACROSS * f64::from(length);
    for (i, &n) in counts.iter().enumerate() {
        if f64::from(n) < need {
            continue;
        }
        let i = i as u32;
        match bands.last_mut() {
            Some(last) if last.1 == i => last.1 = i + 1,
            _ => bands.push((i, i + 1)),
        }
    }
    bands.iter().all(|&(a, z)| z - a <= THICK).then_some(bands)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::label;
    use crate::raster::Raster;

    const INK: u32 = 0x00dd_dddd;
    const PAGE: u32 = 0x00ff_ffff;

    fn shape(w: u32, h: u32, ink: impl Fn(u32, u32) -> bool) -> Component {
        let r = Raster::painted(w, h, |x, y| if ink(x, y) { INK } else { PAGE });
        let page = Rect::covering(&r);
        let mut comps = label(&r, page, PAGE, 8);
        comps.sort_by_key(|c| std::cmp::Reverse(c.pixels));
        comps.remove(0)
    }

    #[test]
    fn a_tables_left_border_with_its_row_separators_is_read_as_its_lines() {
        // A 1 px border down the left, separators every 49 px running off it to the right.
        let c = shape(400, 200, |x, y| {
            (10..11).contains(&x) || (x >= 10 && y % 49 == 0)
        });
        let lines = lines(&c).expect("lines");
        let across = lines.iter().filter(|r| r.h() == 1).count();
        let down = lines.iter().filter(|r| r.w() == 1).count();
        assert_eq!((across, down), (5, 1), "{lines:?}");
    }

    #[test]
    fn a_shape_with_more_than_lines_is_not_read_as_lines() {
        // The same border and separators with a 30 x 30 icon joined to one of them.
        let c = shape(400, 200, |x, y| {
            (10..11).contains(&x)
                || (x >= 10 && y % 49 == 0)
                || ((100..130).contains(&x) && (49..79).contains(&y))
        });
        assert!(lines(&c).is_none());
        // A thick bar is no line either.
        let c = shape(400, 200, |x, y| (10..11).contains(&x) || (x >= 10 && y < 8));
        assert!(lines(&c).is_none());
    }
}
