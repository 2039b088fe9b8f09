//! The five naming schemes, and turning free text (contexts) into safe identifiers.

use crate::model::{SemanticNames, SpacingType};

/// How a value feels to the eye, tightest to loosest.
pub fn feel(value_px: f64) -> &'static str {
    match value_px {
        v if v <= 4.0 => "tight",
        v if v <= 8.0 => "compact",
        v if v <= 16.0 => "comfortable",
        v if v <= 24.0 => "relaxed",
        v if v <= 32.0 => "spacious",
        _ => "generous",
    }
}

/// Lower-case kebab-case from free text: letters and digits kept, everything else a single `-`,
/// at most 48 characters. Returns `None` when nothing usable is left.
pub fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

const ROLE_WORDS: [&str; 7] = [
    "padding", "margin", "gap", "inset", "gutter", "spacing", "space",
];

/// The contextual name: the context as a slug, ending in the role unless it already names one
/// ("card padding" → `card-padding`, "card" → `card-padding`).
pub fn contextual(context: &str, spacing_type: SpacingType, simple: &str) -> String {
    match slug(context) {
        Some(s) if ROLE_WORDS.iter().any(|w| s.ends_with(w)) => s,
        Some(s) => format!("{s}-{}", spacing_type.as_str()),
        None => format!("{simple}-{}", spacing_type.as_str()),
    }
}

/// `spacing-N` where N counts 4 px steps, as Tailwind does; fractions use `_` (`spacing-0_5`).
pub fn scale_position(value_px: f64) -> String {
    let n = value_px / 4.0;
    let text = if (n - n.round()).abs() < 1e-9 {
        format!("{}", n.round() as i64)
    } else {
        format!("{}", (n * 100.0).round() / 100.0).replace('.', "_")
    };
    format!("spacing-{text}")
}

pub fn semantic_names(
    value_px: f64,
    simple: &str,
    spacing_type: SpacingType,
    context: &str,
) -> SemanticNames {
    let role = spacing_type.as_str();
    SemanticNames {
        simple: simple.to_string(),
        descriptive: format!("{simple}-{role}"),
        contextual: contextual(context, spacing_type, simple),
        scale_position: scale_position(value_px),
        semantic: format!("{}-{role}", feel(value_px)),
    }
}

/// A sentence saying what a value is good for.
pub fn use_case(value_px: f64, spacing_type: SpacingType) -> String {
    let feel = feel(value_px);
    let what = match spacing_type {
        SpacingType::Padding => "padding inside components",
        SpacingType::Margin => "margins between blocks",
        SpacingType::Gap => "gaps between siblings in rows, columns and grids",
        SpacingType::Inset => "insets of positioned elements",
        SpacingType::Gutter => "gutters between grid columns",
        SpacingType::Mixed => "spacing of several kinds",
    };
    format!("{feel} {what}")
}
