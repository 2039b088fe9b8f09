//! Shapes drawn only of straight lines that touch: a table's left border with its row separators
//! running off it, a bordered table's grid, a list's frame with the rules between its rows.
//!
//! Such a shape is no box and no single rule, so it was read as one graphic as large as the table:
//! the text of every row sat inside it, and each row's text measured to the next row's text
//! straight across the separator between them (12 + 1 + 12 px read 25).
//!
//! A framed grid (a bordered table, a bordered list) closes each of its cells on four sides: the
//! cells are boxes, and the text in each is padded from all four of its lines. Read as rules
//! instead, only the first cell under a separator was its nearest neighbour, and the other cells'
//! paddings went unmeasured.

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
/// Smallest inside of a cell read as a box, in image px: two lines drawn close together (a double
/// rule) close no cell.
const MIN_CELL: u32 = 8;

/// The straight lines a shape is made of: those across it (rows) and those down it (columns),
/// each in order.
#[derive(Debug)]
pub(crate) struct Lattice {
    pub across: Vec<Rect>,
    pub down: Vec<Rect>,
}

impl Lattice {
    /// The shape read as cells and rules. Where lines cross both ways (two across and two down at
    /// least) each cell they close on four sides is a box, with its outer rectangle (its lines
    /// included) and the inside between them. What runs past that grid is a rule: the rows of a
    /// table whose last column has no line on its right, and every line of a table's left border
    /// with its separators (one line down: no cell), are measured to the lines.
    pub fn parts(&self) -> Vec<Part> {
        if self.across.len() < 2 || self.down.len() < 2 {
            return self
                .across
                .iter()
                .chain(&self.down)
                .map(|&l| Part::Rule(l))
                .collect();
        }
        let mut parts = Vec::new();
        for rows in self.across.windows(2) {
            for cols in self.down.windows(2) {
                let inner = Rect {
                    x0: cols[0].x1,
                    y0: rows[0].y1,
                    x1: cols[1].x0,
                    y1: rows[1].y0,
                };
                if inner.w() >= MIN_CELL && inner.h() >= MIN_CELL {
                    let outer = Rect {
                        x0: cols[0].x0,
                        y0: rows[0].y0,
                        x1: cols[1].x1,
                        y1: rows[1].y1,
                    };
                    parts.push(Part::Cell { outer, inner });
                }
            }
        }
        // The grid's extent; each line's stretch past it, if long enough to pad from.
        let (gx0, gx1) = (self.down[0].x0, self.down[self.down.len() - 1].x1);
        let (gy0, gy1) = (self.across[0].y0, self.across[self.across.len() - 1].y1);
        let past = self
            .across
            .iter()
            .flat_map(|l| [Rect { x1: gx0, ..*l }, Rect { x0: gx1, ..*l }])
            .chain(
                self.down
                    .iter()
                    .flat_map(|l| [Rect { y1: gy0, ..*l }, Rect { y0: gy1, ..*l }]),
            );
        parts.extend(
            past.filter(|r| !r.is_empty() && (r.w() >= MIN_CELL || r.h() >= MIN_CELL))
                .map(Part::Rule),
        );
        parts
    }
}

/// A part of a shape of lines, as [`Lattice::parts`] reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Part {
    /// A cell closed by lines on four sides: a box.
    Cell { outer: Rect, inner: Rect },
    /// A line, or its stretch past the grid: a rule.
    Rule(Rect),
}

/// The straight lines a shape is made of, each as its rectangle, when it is made of nothing else
/// and of two lines at least.
pub(crate) fn lines(c: &Component) -> Option<Lattice> {
    let b = c.bbox;
    let (w, h) = (b.w(), b.h());
    if w < MIN_SIDE || h < MIN_SIDE || f64::from(c.pixels) > SPARSE * f64::from(w) * f64::from(h) {
        return None;
    }
    let (per_row, per_col) = counts(c);
    let (rows, cols) = (full_bands(&per_row, w), full_bands(&per_col, h));
    if rows.iter().chain(&cols).any(|&(a, z)| z - a > THICK) {
        return None;
    }
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
    Some(lattice(b, &rows, &cols))
}

/// The thin straight lines that run right across a shape holding more than lines (a panel's row
/// separators joined by its shadow to its filled header): each as its rectangle, across then down.
/// A filled part as wide as the shape is a band thicker than a line, and no line.
pub(crate) fn thin_lines(c: &Component) -> Vec<Rect> {
    let b = c.bbox;
    if b.w() < MIN_SIDE || b.h() < MIN_SIDE {
        return Vec::new();
    }
    let (per_row, per_col) = counts(c);
    let thin = |bands: Vec<(u32, u32)>| -> Vec<(u32, u32)> {
        bands.into_iter().filter(|&(a, z)| z - a <= THICK).collect()
    };
    let rows = thin(full_bands(&per_row, b.w()));
    let cols = thin(full_bands(&per_col, b.h()));
    let l = lattice(b, &rows, &cols);
    l.across.into_iter().chain(l.down).collect()
}

/// The lines of a shape's bands (offsets from its top, and from its left), across then down.
fn lattice(b: Rect, rows: &[(u32, u32)], cols: &[(u32, u32)]) -> Lattice {
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
    Lattice {
        across: across.collect(),
        down: down.collect(),
    }
}

/// How many of a shape's pixels each of its rows and each of its columns holds.
fn counts(c: &Component) -> (Vec<u32>, Vec<u32>) {
    let b = c.bbox;
    let mut per_row = vec![0u32; b.h() as usize];
    let mut per_col = vec![0u32; b.w() as usize];
    for r in &c.runs {
        per_row[(r.y - b.y0) as usize] += r.x1 - r.x0;
        for x in r.x0..r.x1 {
            per_col[(x - b.x0) as usize] += 1;
        }
    }
    (per_row, per_col)
}

/// The bands of consecutive entries of `counts` that cover `ACROSS` of `length`, as offsets
/// `start..end`.
fn full_bands(counts: &[u32], length: u32) -> Vec<(u32, u32)> {
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
    bands
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
        let lattice = lines(&c).expect("lines");
        assert_eq!(
            (lattice.across.len(), lattice.down.len()),
            (5, 1),
            "{lattice:?}"
        );
        assert!(lattice.across.iter().all(|r| r.h() == 1));
        assert_eq!(lattice.down[0].w(), 1);
        // One line down: no cells, its rows are measured to the lines.
        assert!(lattice.parts().iter().all(|p| matches!(p, Part::Rule(_))));
        assert_eq!(lattice.parts().len(), 6);
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

    fn cells_of(parts: &[Part]) -> Vec<(Rect, Rect)> {
        parts
            .iter()
            .filter_map(|p| match *p {
                Part::Cell { outer, inner } => Some((outer, inner)),
                Part::Rule(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_framed_grids_cells_are_its_boxes() {
        // A bordered table: a frame, two row separators, one column line; 1 px lines.
        let c = shape(201, 91, |x, y| {
            x == 0 || x == 200 || x == 120 || y == 0 || y == 45 || y == 90
        });
        let parts = lines(&c).expect("lines").parts();
        let cells = cells_of(&parts);
        assert_eq!((cells.len(), parts.len()), (4, 4), "{parts:?}");
        let (outer, inner) = cells[0];
        assert_eq!((outer.x0, outer.y0, outer.x1, outer.y1), (0, 0, 121, 46));
        assert_eq!((inner.x0, inner.y0, inner.x1, inner.y1), (1, 1, 120, 45));
        // A double rule closes no cell between its two lines.
        let c = shape(201, 91, |x, y| {
            x == 0 || x == 200 || y == 0 || y == 3 || y == 90
        });
        assert_eq!(cells_of(&lines(&c).expect("lines").parts()).len(), 1);
    }

    #[test]
    fn a_grid_open_on_the_right_has_rules_past_its_last_column_line() {
        // Row lines run on 80 px past the last column line, to no border.
        let c = shape(281, 91, |x, y| {
            x == 0 || x == 200 || y == 0 || y == 45 || y == 90
        });
        let parts = lines(&c).expect("lines").parts();
        assert_eq!(cells_of(&parts).len(), 2, "{parts:?}");
        let rules: Vec<Rect> = parts
            .iter()
            .filter_map(|p| match *p {
                Part::Rule(r) => Some(r),
                Part::Cell { .. } => None,
            })
            .collect();
        assert_eq!(rules.len(), 3, "{rules:?}");
        assert!(rules.iter().all(|r| (r.x0, r.x1, r.h()) == (201, 281, 1)));
    }

    #[test]
    fn the_separators_joined_to_a_filled_header_are_thin_lines_and_the_header_is_not() {
        // A filled header 30 px tall, separators every 40 px under it, a 2 px shadow down the
        // right joining them.
        let c = shape(300, 200, |x, y| y < 30 || x >= 298 || (y + 10) % 40 == 39);
        assert!(lines(&c).is_none(), "the header is more than lines");
        let thin = thin_lines(&c);
        let across = thin.iter().filter(|r| r.w() == 300).count();
        let down = thin.iter().filter(|r| r.h() == 200).count();
        assert_eq!((across, down, thin.len()), (4, 1, 5), "{thin:?}");
        assert!(thin.iter().filter(|r| r.w() == 300).all(|r| r.y0 >= 30));
    }
}
