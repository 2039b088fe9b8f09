//! Naming where a spacing sits, from geometry alone, so `card-padding` means something without AI.

use copy_that_spacing::SpacingType;

use crate::elements::{Axis, ItemKind, Relation, Span};

/// The role and a short context for a span, given the density (to judge sizes in CSS px).
pub fn classify(span: &Span, dpr: f64) -> (SpacingType, &'static str) {
    let css = |v: u32| f64::from(v) / dpr;
    let (cw, ch) = (css(span.container.w()), css(span.container.h()));
    match span.relation {
        Relation::Padding => {
            let context = if ch <= 56.0 && cw <= 320.0 {
                "button padding"
            } else if ch <= 32.0 {
                "badge padding"
            } else if cw <= 360.0 && ch >= 400.0 {
                "sidebar padding"
            } else if cw >= 800.0 {
                "section padding"
            } else {
                "card padding"
            };
            (SpacingType::Padding, context)
        }
        Relation::Gap => {
            let both_boxes = span.near == ItemKind::Box && span.far == ItemKind::Box;
            let px = css(span.px);
            if both_boxes && span.axis == Axis::X {
                (SpacingType::Gutter, "grid gutter")
            } else if px >= 48.0 && !span.container_is_box {
                (SpacingType::Margin, "section spacing")
            } else if span.axis == Axis::Y
                && (span.near == ItemKind::Box || span.far == ItemKind::Box)
            {
                (SpacingType::Gap, "stack gap")
            } else if span.axis == Axis::Y {
                (SpacingType::Gap, "text gap")
            } else {
                (SpacingType::Gap, "inline gap")
            }
        }
    }
}

/// How much a span can be trusted as a designed spacing. Box edges are exact; the side of text is
/// within a pixel (glyph side bearings); the top and bottom of text are not the CSS line box, so
/// vertical distances to text overstate the spacing and count for little.
pub fn confidence(span: &Span) -> f64 {
    let solid = |k: ItemKind| matches!(k, ItemKind::Box | ItemKind::Rule);
    match (solid(span.near), solid(span.far), span.axis) {
        (true, true, _) => 0.95,
        (_, _, Axis::X) => 0.7,
        (true, false, Axis::Y) | (false, true, Axis::Y) => 0.3,
        (false, false, Axis::Y) => 0.2,
    }
}
