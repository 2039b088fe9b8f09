//! Finding the structure a designer sees: boxes (fills, borders), rules, text lines and graphics,
//! nested region by region, and the distances between them.
//!
//! A region has one background colour. Pixels that differ from it form connected components; a
//! component whose bounding box edges are covered is a box (filled or outlined) and becomes a region
//! of its own. The other components are glyphs and graphics, grouped into words and text lines.
//! Distances are then measured between a box's inner edge and its nearest content (padding) and
//! between neighbouring items (gaps).

use crate::blobs;
use crate::boxes::{in_corner, is_rule, lattice, BoxReader, Marks};
use crate::components::{coverage, dominant_colour, Component, Rect};
use crate::elements::{Axis, Item, ItemKind, Relation, Span};
use crate::placed::Placed;
use crate::raster::{diff, Raster};
use crate::text;

/// What the layout pass found: distances and the thickness of thin lines (a density cue).
pub struct Layout {
    pub spans: Vec<Span>,
    /// Thickness in px of every divider and outline border seen.
    pub line_widths: Vec<u32>,
    pub boxes: u32,
    /// The median font size of the text lines, in image px (0 without text): a density cue.
    pub body_font: f64,
}

/// A region and what it holds, kept until text line boxes can be estimated from the whole page.
struct RegionItems {
    rect: Rect,
    is_box: bool,
    items: Vec<Item>,
}

pub struct Analyser<'a> {
    slack: u32,
    /// Whether the image was lossily compressed (JPEG): its edges ring.
    lossy: bool,
    regions: Vec<RegionItems>,
    raster: &'a Raster,
    tol: u32,
    spans: Vec<Span>,
    /// Tells boxes from other shapes; keeps their border widths and the cropped ones.
    reader: BoxReader<'a>,
    boxes: u32,
}

const MAX_DEPTH: u32 = 12;
/// Smallest panel (image px, both ways) read inside when its outline is no box: smaller shapes are
/// icons, avatars and badges. 48 px took in more of them (AdminLTE 0.812 → 0.807) for nothing
/// found on the tuning sources (found 0.607 either way).
const PANEL_MIN: u32 = 96;
/// Share of a panel's rectangle in its one fill colour.
const PANEL_FILL: f64 = 0.5;

/// Whether `it` lies wholly between `a` and `b` along `axis` (a before b) and faces one of them
/// across it (overlaps its span on the other axis).
fn between(axis: Axis, it: &Rect, a: &Rect, b: &Rect) -> bool {
    match axis {
        Axis::X => it.x0 >= a.x1 && it.x1 <= b.x0 && (it.v_overlap(a) > 0 || it.v_overlap(b) > 0),
        Axis::Y => it.y0 >= a.y1 && it.y1 <= b.y0 && (it.h_overlap(a) > 0 || it.h_overlap(b) > 0),
    }
}

/// Two bars of an icon drawn in bars, one above the other (a menu's hamburger, a list icon):
/// short thin bars of one length, left-aligned, a few thicknesses apart. The space between them
/// is the icon's drawing (3 px in every phone page's menu button), not a spacing of the layout.
/// Stacked progress bars and table rules are long for their spacing and stay measured.
fn icon_bars(a: &Item, b: &Item, px: u32) -> bool {
    let bar = |it: &Item| {
        matches!(it.kind, ItemKind::Graphic | ItemKind::Rule) && it.rect.h() * 4 <= it.rect.w()
    };
    let (ra, rb) = (a.rect, b.rect);
    let long = ra.w().max(rb.w());
    bar(a)
        && bar(b)
        && ra.w().abs_diff(rb.w()) * 10 <= long
        && ra.x0.abs_diff(rb.x0) * 10 <= long
        && px <= 4 * ra.h().max(rb.h())
        && long <= 8 * px
}

/// A fleck at most 2 px thick and 4 px long: in a lossy image, colour fringing along an edge or in a
/// corner, not a drawn shape (the dot of an i is part of its letter's word either way).
fn speck(r: &Rect) -> bool {
    let (thin, long) = (r.w().min(r.h()), r.w().max(r.h()));
    thin <= 2 && long <= 4
}

impl<'a> Analyser<'a> {
    /// `tol`: colour difference that separates content from background. `lossy`: whether the
    /// image was lossily compressed; its edges ring, so a box's side may wander farther.
    pub fn run(raster: &'a Raster, tol: u32, lossy: bool) -> Layout {
        let slack = if lossy { 3 } else { 1 };
        let mut a = Analyser {
            reader: BoxReader {
                raster,
                tol,
                lossy,
                line_widths: Vec::new(),
                cropped: Vec::new(),
                open_top: Vec::new(),
            },
            lossy,
            regions: Vec::new(),
            raster,
            tol,
            slack,
            spans: Vec::new(),
            boxes: 0,
        };
        let page = Rect::covering(raster);
        let bg = blobs::page_background(raster, page, tol);
        a.region(page, bg, false, 0);
        // Text ink sits inside a taller CSS line box; its proportions are read off the page's own
        // paragraphs, then every text item is measured by its line box.
        let heights = text::line_heights(a.regions.iter().flat_map(|r| r.items.iter()));
        let regions = std::mem::take(&mut a.regions);
        for mut r in regions {
            // A lone square "word" in a box is a glyph-like icon (a ring with a dot, a symbol),
            // not a line of text: it keeps its ink box.
            if let [one] = r.items.as_mut_slice() {
                let (w, h) = (one.rect.w(), one.rect.h());
                if r.is_box && one.kind == ItemKind::Text && 4 * w.abs_diff(h) <= w.max(h) {
                    one.kind = ItemKind::Graphic;
                    one.baseline = None;
                }
            }
            let pitches = text::block_pitches(&r.items, r.rect);
            for (it, pitch) in r.items.iter_mut().zip(pitches) {
                if let (ItemKind::Text, Some(baseline)) = (it.kind, it.baseline) {
                    it.rect = text::line_box(it.rect, baseline, &heights, pitch, r.rect);
                }
            }
            a.measure(r.rect, r.is_box, &r.items);
        }
        Layout {
            spans: a.spans,
            line_widths: a.reader.line_widths,
            boxes: a.boxes,
            body_font: heights.body_font,
        }
    }

    fn region(&mut self, rect: Rect, bg: u32, is_box: bool, depth: u32) {
        if rect.is_empty() || depth > MAX_DEPTH {
            return;
        }
        let (comps, slack) = match blobs::read(self.raster, rect, bg, self.tol, is_box) {
            blobs::Reading::Cut(a, b) => {
                self.parts([a, b], depth);
                return;
            }
            blobs::Reading::Components { comps, coarse } => {
                // What is left of a shadow at a coarse contrast is uneven (heavier below, fading
                // at the corners): a box's sides may wander a few pixels more.
                let slack = if coarse {
                    self.slack.max(blobs::COARSE_SLACK)
                } else {
                    self.slack
                };
                (comps, slack)
            }
        };
        let start = self.reader.marks();
        let read = self.read_boxes(&comps, rect, bg, slack, is_box);
        let off_bands: Vec<Component>;
        let read = if read
            .iter()
            .any(|(c, found)| found.is_none() && blobs::band(c, rect))
        {
            self.reader.forget(start, self.reader.marks());
            match blobs::read_band(self.raster, rect, self.tol, is_box) {
                blobs::Reading::Cut(a, b) => {
                    self.parts([a, b], depth);
                    return;
                }
                blobs::Reading::Components { comps, .. } => off_bands = comps,
            }
            self.read_boxes(&off_bands, rect, bg, slack, is_box)
        } else {
            read
        };
        // Boxes that touch (a button stacked on another with no margin) label as one shape that
        // is no box, and were read as one glyph. Only the parts are read: the region's other
        // shapes keep what was read of them.
        let (split, joined) = crate::split::joined(&mut self.reader, &read, bg, slack);
        let mut read: Vec<_> = read
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !split.contains(i))
            .map(|(_, r)| r)
            .collect();
        read.extend(joined.iter().map(|(p, found)| (p, *found)));
        let mut items: Vec<Item> = Vec::new();
        let mut loose: Vec<Rect> = Vec::new();
        for (c, found) in read {
            if let Some((outer, inner)) = found {
                items.push(self.read_box(outer, inner, depth));
            } else if is_rule(c) {
                items.push(self.rule(c.bbox));
            } else if let Some(lattice) = lattice::lines(c) {
                // A table's border and separators, joined: its closed cells are boxes, read
                // inside; its other lines are rules of their own, so the rows between them are
                // measured to them.
                for part in lattice.parts() {
                    items.push(match part {
                        lattice::Part::Cell { outer, inner } => self.read_box(outer, inner, depth),
                        lattice::Part::Rule(line) => self.rule(line),
                    });
                }
            } else if let Some(fill) = self.panel_fill(c, bg) {
                // Read inside on its own fill, as a region without edges to pad from (its outline
                // is not a rectangle); to its neighbours it stays one shape.
                self.region(c.bbox, fill, false, depth + 1);
                loose.push(c.bbox);
            } else if let Some(faces) = self.faces(c, rect, bg) {
                // Cards joined by shadows or overlapping (a raised pricing card between two
                // white ones): each card's face is a box, read inside.
                let mut boxed: Vec<Rect> = Vec::new();
                for face in &faces {
                    if let Some((outer, inner)) = self.reader.as_box(face, bg, slack) {
                        items.push(self.read_box(outer, inner, depth));
                        boxed.push(outer);
                    }
                }
                // The separators its shadow joins to it (a menu panel's rows under its filled
                // header): rules, so its rows are measured to them and not across them.
                for line in lattice::thin_lines(c) {
                    if !boxed.iter().any(|f| f.overlaps(&line)) {
                        items.push(self.rule(line));
                    }
                }
            } else if self.lossy {
                loose.push(text::ink_rows(self.raster, c, bg));
            } else {
                loose.push(c.bbox);
            }
        }
        items.extend(text::group(&loose));
        self.regions.push(RegionItems {
            rect,
            is_box,
            items,
        });
    }

    /// The fill of a shape that is no box but a panel holding content: large (`PANEL_MIN` px both
    /// ways) and mostly one colour other than the region's (`PANEL_FILL`). A light hero band with
    /// an open menu hanging over its edge, a card whose shadow and striped rows join it to its
    /// neighbours, a pricing card the screenshot cuts: each joined its content into one shape that
    /// no box reading accepts, and as one graphic it hid every distance inside it. A photo or a
    /// drawing has no colour over half of it; text with a shadow is mostly the region's own colour.
    fn panel_fill(&self, c: &Component, bg: u32) -> Option<u32> {
        if c.bbox.w() < PANEL_MIN || c.bbox.h() < PANEL_MIN {
            return None;
        }
        let fill = dominant_colour(self.raster, c.bbox);
        (diff(fill, bg) > self.tol && coverage(self.raster, c.bbox, fill, self.tol) >= PANEL_FILL)
            .then_some(fill)
    }

    /// A box as an item of its region, its inside read as a region of its own on its fill.
    fn read_box(&mut self, outer: Rect, inner: Rect, depth: u32) -> Item {
        self.boxes += 1;
        let fill = dominant_colour(self.raster, inner);
        self.region(inner, fill, true, depth + 1);
        Item {
            rect: outer,
            kind: ItemKind::Box,
            baseline: None,
        }
    }

    /// A divider line as an item of its region; its thickness is noted (a density cue).
    fn rule(&mut self, line: Rect) -> Item {
        self.reader.line_widths.push(line.w().min(line.h()));
        Item {
            rect: line,
            kind: ItemKind::Rule,
            baseline: None,
        }
    }

    /// The faces of the cards a large shape that is no box joins (`panels::by_face`), if it has
    /// any.
    fn faces(&self, c: &Component, region: Rect, bg: u32) -> Option<Vec<Component>> {
        if c.bbox.w() < PANEL_MIN || c.bbox.h() < PANEL_MIN {
            return None;
        }
        let faces = crate::panels::by_face(self.raster, region, bg, self.tol, c);
        (!faces.is_empty()).then_some(faces)
    }

    /// The two parts of a cut region, each read on its own background: along its edges, as the
    /// page's (cards may cover most of a part).
    fn parts(&mut self, parts: [Rect; 2], depth: u32) {
        for part in parts {
            let part_bg = blobs::page_background(self.raster, part, self.tol);
            self.region(part, part_bg, false, depth + 1);
        }
    }

    /// The components worth reading in a region, each with its box (outer and inner rectangles)
    /// when it is one. Each is read as a box first; then those that are letters are taken back as
    /// glyphs: a bold o at 1x is a closed ring with four straight-enough sides, a box by every
    /// test of its own, and only its neighbours tell it is a letter of a word.
    fn read_boxes<'c>(
        &mut self,
        comps: &'c [Component],
        rect: Rect,
        bg: u32,
        slack: u32,
        is_box: bool,
    ) -> Vec<(&'c Component, Option<(Rect, Rect)>)> {
        let mut read = Vec::new();
        let mut marks: Vec<Marks> = Vec::new();
        for c in comps {
            if is_box && in_corner(&c.bbox, rect, 0) {
                continue;
            }
            if self.lossy && (self.faint(c, bg) || speck(&c.bbox)) {
                continue;
            }
            marks.push(self.reader.marks());
            read.push((c, self.reader.as_box(c, bg, slack)));
        }
        marks.push(self.reader.marks());
        // Most regions read no box at all: nothing to take back, and no pieces to sort.
        if read.iter().all(|(_, found)| found.is_none()) {
            return read;
        }
        let glyphs: Vec<Rect> = read
            .iter()
            .filter(|(c, found)| found.is_none() && !is_rule(c))
            .map(|(c, _)| c.bbox)
            .collect();
        let letters = text::LetterPieces::new(&glyphs);
        // What reading a letter as a box noted (a border width) is its stroke: forgotten, last
        // first, so the earlier marks still hold.
        for k in (0..read.len()).rev() {
            let (c, found) = &mut read[k];
            if found.is_some() && letters.letter_in_word(&c.bbox) {
                *found = None;
                self.reader.forget(marks[k], marks[k + 1]);
            }
        }
        read
    }

    fn measure(&mut self, rect: Rect, is_box: bool, items: &[Item]) {
        if items.is_empty() {
            return;
        }
        let placed = Placed::new(items);
        if is_box {
            self.padding(rect, &placed);
        }
        // Items by left edge and by top edge; the sorts are stable, so among equal edges the first
        // item comes first, as a scan of all items for the minimum gave (that scan, for every item,
        // was about half the layout pass on a phone screenshot).
        let mut by_x: Vec<usize> = (0..items.len()).collect();
        by_x.sort_by_key(|&j| items[j].rect.x0);
        let mut by_y: Vec<usize> = (0..items.len()).collect();
        by_y.sort_by_key(|&j| items[j].rect.y0);
        for (i, a) in items.iter().enumerate() {
            // Nearest neighbour to the right that shares at least half the smaller height.
            let from = by_x.partition_point(|&j| items[j].rect.x0 < a.rect.x1);
            let right = by_x[from..]
                .iter()
                .map(|&j| (j, &items[j]))
                .find(|&(j, b)| {
                    j != i && 2 * a.rect.v_overlap(&b.rect) >= a.rect.h().min(b.rect.h())
                });
            if let Some((_, b)) = right {
                let gap = Rect {
                    x0: a.rect.x1,
                    x1: b.rect.x0,
                    y0: a.rect.y0.max(b.rect.y0),
                    y1: a.rect.y1.min(b.rect.y1),
                };
                self.push_gap(Axis::X, gap, a, b, rect, is_box, &placed);
            }
            let from = by_y.partition_point(|&j| items[j].rect.y0 < a.rect.y1);
            let below = by_y[from..]
                .iter()
                .map(|&j| (j, &items[j]))
                .find(|&(j, b)| {
                    j != i && 2 * a.rect.h_overlap(&b.rect) >= a.rect.w().min(b.rect.w())
                });
            if let Some((_, b)) = below {
                let gap = Rect {
                    y0: a.rect.y1,
                    y1: b.rect.y0,
                    x0: a.rect.x0.max(b.rect.x0),
                    x1: a.rect.x1.min(b.rect.x1),
                };
                self.push_gap(Axis::Y, gap, a, b, rect, is_box, &placed);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_gap(
        &mut self,
        axis: Axis,
        gap: Rect,
        a: &Item,
        b: &Item,
        container: Rect,
        container_is_box: bool,
        placed: &Placed,
    ) {
        let items = placed.items;
        let (near, far) = (a.kind, b.kind);
        let px = match axis {
            Axis::X => gap.w(),
            Axis::Y => gap.h(),
        };
        // A one-pixel sliver of background between two shapes does not survive lossy compression:
        // in a JPEG it is ringing between a shape and its echo, not a gap.
        if px == 0 || (self.lossy && px == 1) {
            return;
        }
        let solid = |k: ItemKind| matches!(k, ItemKind::Box | ItemKind::Rule);
        let small = a.rect.h().min(b.rect.h());
        // Far apart in a row: pushed by alignment (space-between, columns), not a designed gap.
        if axis == Axis::X && !(solid(near) && solid(far)) && px > 3 * small {
            return;
        }
        if axis == Axis::Y && icon_bars(a, b, px) {
            return;
        }
        // Two words closer than half their height are one line: the gap is a word space.
        if axis == Axis::X && near == ItemKind::Text && far == ItemKind::Text && px * 2 < small {
            return;
        }
        // Two lines whose line boxes (nearly) touch are one paragraph.
        if axis == Axis::Y && near == ItemKind::Text && far == ItemKind::Text && px * 6 < small {
            return;
        }
        // Something else in the gap means these two are not neighbours.
        if placed.any_in(&gap, None) {
            return;
        }
        // Nor when something between them faces either one: a field's top spacing is to its label
        // above, not to the buttons higher up that only the empty column beside the label
        // connects to it.
        if items
            .iter()
            .any(|it| between(axis, &it.rect, &a.rect, &b.rect))
        {
            return;
        }
        self.spans.push(Span {
            relation: Relation::Gap,
            axis,
            px,
            rect: gap,
            near,
            far,
            container,
            container_is_box,
            smaller_item: (a.rect.w().max(a.rect.h())).min(b.rect.w().max(b.rect.h())),
            no_text: placed.no_text,
        });
    }

    /// Whether a component is compression noise: nowhere does it differ from the background by twice
    /// the tolerance. Drawn shapes, even thin and anti-aliased, reach full contrast somewhere. (Small
    /// strong specks are told by their size: see `speck`.)
    fn faint(&self, c: &crate::components::Component, bg: u32) -> bool {
        let strong = 2 * self.tol;
        !c.runs
            .iter()
            .any(|r| (r.x0..r.x1).any(|x| diff(self.raster.at(x, r.y), bg) >= strong))
    }

    /// Padding on each side: the distance from the box's inner edge to every item that faces that
    /// edge with nothing in between. The smallest such distance is the padding; items at the same
    /// distance (±1 px) confirm it, items farther in are aligned or centred, not padded, and items
    /// touching the edge (full-width dividers) are not content.
    fn padding(&mut self, inner: Rect, placed: &Placed) {
        let items = placed.items;
        // A box the screenshot cuts off at the bottom has no bottom padding to measure.
        let cropped = self.reader.cropped.contains(&inner);
        // A card drawn by its shadow alone shows no top edge to measure from.
        let open_top = self.reader.open_top.contains(&inner);
        for side in 0..4 {
            if (side == 1 && cropped) || (side == 0 && open_top) {
                continue;
            }
            let mut found: Vec<(u32, Rect, ItemKind, u32)> = Vec::new();
            for (i, it) in items.iter().enumerate() {
                let r = it.rect;
                let gap = match side {
                    0 => Rect {
                        y0: inner.y0,
                        y1: r.y0,
                        ..r
                    },
                    1 => Rect {
                        y0: r.y1,
                        y1: inner.y1,
                        ..r
                    },
                    2 => Rect {
                        x0: inner.x0,
                        x1: r.x0,
                        ..r
                    },
                    _ => Rect {
                        x0: r.x1,
                        x1: inner.x1,
                        ..r
                    },
                };
                if gap.is_empty() {
                    continue;
                }
                if !placed.any_in(&gap, Some(i)) {
                    let px = if side < 2 { gap.h() } else { gap.w() };
                    found.push((px, gap, it.kind, r.w().max(r.h())));
                }
            }
            let Some(min) = found.iter().map(|f| f.0).min() else {
                continue;
            };
            for (px, rect, kind, size) in found {
                if px > min + 1 {
                    continue;
                }
                self.spans.push(Span {
                    relation: Relation::Padding,
                    axis: if side < 2 { Axis::Y } else { Axis::X },
                    px,
                    rect,
                    near: ItemKind::Box,
                    far: kind,
                    container: inner,
                    container_is_box: true,
                    smaller_item: size,
                    no_text: placed.no_text,
                });
            }
        }
    }
}
