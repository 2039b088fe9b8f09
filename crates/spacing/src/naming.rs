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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feel_goes_from_tight_to_generous() {
        let feels: Vec<&str> = [2.0, 8.0, 16.0, 20.0, 32.0, 64.0].map(feel).to_vec();
        assert_eq!(
            feels,
            [
                "tight",
                "compact",
                "comfortable",
                "relaxed",
                "spacious",
                "generous"
            ]
        );
    }

    #[test]
    fn slug_keeps_letters_and_digits_only() {
        assert_eq!(slug("Card  Padding").as_deref(), Some("card-padding"));
        assert_eq!(
            slug("<script>alert(1)</script>").as_deref(),
            Some("script-alert-1-script")
        );
        assert_eq!(slug("{spacing.md}").as_deref(), Some("spacing-md"));
        assert_eq!(slug(" -- ").as_deref(), None);
        assert_eq!(slug("Été café").as_deref(), Some("t-caf"));
        assert!(slug(&"x".repeat(500)).is_some_and(|s| s.len() <= 48));
    }

    #[test]
    fn contextual_names_end_in_a_role_exactly_once() {
        assert_eq!(
            contextual("card padding", SpacingType::Padding, "md"),
            "card-padding"
        );
        assert_eq!(
            contextual("card", SpacingType::Padding, "md"),
            "card-padding"
        );
        assert_eq!(contextual("list gap", SpacingType::Gap, "sm"), "list-gap");
        assert_eq!(contextual("", SpacingType::Gap, "sm"), "sm-gap");
        assert_eq!(contextual("!!!", SpacingType::Margin, "lg"), "lg-margin");
    }

    #[test]
    fn scale_position_counts_4_px_steps() {
        assert_eq!(scale_position(16.0), "spacing-4");
        assert_eq!(scale_position(2.0), "spacing-0_5");
        assert_eq!(scale_position(0.0), "spacing-0");
        assert_eq!(scale_position(6.0), "spacing-1_5");
    }

    #[test]
    fn all_five_schemes() {
        let n = semantic_names(16.0, "md", SpacingType::Padding, "card padding");
        assert_eq!(n.simple, "md");
        assert_eq!(n.descriptive, "md-padding");
        assert_eq!(n.contextual, "card-padding");
        assert_eq!(n.scale_position, "spacing-4");
        assert_eq!(n.semantic, "comfortable-padding");
    }

    #[test]
    fn use_case_reads_as_a_phrase() {
        assert_eq!(
            use_case(24.0, SpacingType::Gap),
            "relaxed gaps between siblings in rows, columns and grids"
        );
    }
}
