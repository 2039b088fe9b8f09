//! What the layout pass finds and measures, shared by the stages that find it: items (boxes,
//! rules, text lines, graphics) and the spans between them. Data only: `boxes` and `text` read
//! pixels into these, `layout` nests and measures them, `context` and the crate root judge spans.

use crate::components::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A filled or outlined rectangle.
    Box,
    /// A divider line.
    Rule,
    /// Glyphs grouped into a word or a line.
    Text,
    /// Anything else drawn: icons, avatars, images.
    Graphic,
}

#[derive(Debug, Clone, Copy)]
pub struct Item {
    /// Where it is, for layout: the border box of a box, the estimated CSS line box of text (see
    /// `text::line_box`), the drawn extent of anything else.
    pub rect: Rect,
    pub kind: ItemKind,
    /// For text: the row its letters stand on.
    pub baseline: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Measured left to right.
    X,
    /// Measured top to bottom.
    Y,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// From a box's inner edge to its content.
    Padding,
    /// Between two neighbouring items in the same region.
    Gap,
}

/// One distance, in image pixels, with what is at each end.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub relation: Relation,
    pub axis: Axis,
    pub px: u32,
    /// The measured gap region.
    pub rect: Rect,
    pub near: ItemKind,
    pub far: ItemKind,
    /// The box whose padding this is, or the region the gap lies in.
    pub container: Rect,
    /// Whether the container is a visible box (not the page background).
    pub container_is_box: bool,
    /// The largest side of the smaller item at either end (the content for padding), in px.
    pub smaller_item: u32,
    /// Whether the container holds no text (only boxes, rules and graphics).
    pub no_text: bool,
}
