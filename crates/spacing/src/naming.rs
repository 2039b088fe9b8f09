//! A token's name (its identity: the step on the 4 px scale, kept by the project once given), the
//! naming schemes an export can choose instead, and turning free text (contexts) into safe
//! identifiers.

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

/// The step of a value on the 4 px scale, as Tailwind and Primer count it: N = value ÷ 4 px,
/// exact (at most four decimals, enough for any quarter pixel), a fraction's point written `-`
/// so the name stays `[a-z0-9-]`: 16 px → `4`, 2 px → `0-5`, 6 px → `1-5`, 13 px → `3-25`.
/// It depends on the value alone, so adding images never moves it.
pub fn step(value_px: f64) -> String {
    let n = (value_px / 4.0 * 10_000.0).round() / 10_000.0;
    if n == n.trunc() {
        format!("{}", n as i64)
    } else {
        format!("{n}").replace('.', "-")
    }
}

/// A name not in `taken`: `base`, else `base-2`, `base-3`… (the first free one), now taken.
pub fn free_name(base: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let mut candidate = base.to_string();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// Each value's [`step`] as its name, distinct (values closer than a ten-thousandth of a step,
/// which no merged set has, would share one and get a free name).
pub fn step_names(values: &[f64]) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    values
        .iter()
        .map(|&v| free_name(&step(v), &mut taken))
        .collect()
}

/// One context per token, no two tokens the same (as aliases: the contexts' slugs): each token,
/// the most measured first (ties in library order), takes its most frequent context (ties
/// alphabetical) that no token before it holds; none when every one is held or none is usable.
/// `candidates[i]` is token i's occurrence count and its contexts with how often each was seen.
pub fn unique_contexts(candidates: &[(u64, Vec<(&str, u64)>)]) -> Vec<String> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(candidates[i].0), i));
    let mut held = std::collections::HashSet::new();
    let mut out = vec![String::new(); candidates.len()];
    for i in order {
        let mut ranked = candidates[i].1.clone();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        if let Some((context, _)) = ranked
            .into_iter()
            .find(|(c, _)| slug(c).is_some_and(|s| !held.contains(&s)))
        {
            held.extend(slug(context));
            out[i] = context.to_string();
        }
    }
    out
}

/// `spacing-N`, N the value's [`step`] (`spacing-4`, `spacing-0-5`).
pub fn scale_position(value_px: f64) -> String {
    format!("spacing-{}", step(value_px))
}

/// Every scheme's name for a value; `t_shirt` is its rank in the set (`md`, `lg`…, see
/// [`crate::analysis::assign_scale`]), which moves as values join the set.
pub fn semantic_names(
    value_px: f64,
    t_shirt: &str,
    spacing_type: SpacingType,
    context: &str,
) -> SemanticNames {
    let role = spacing_type.as_str();
    SemanticNames {
        t_shirt: t_shirt.to_string(),
        descriptive: format!("{t_shirt}-{role}"),
        contextual: contextual(context, spacing_type, t_shirt),
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
        assert_eq!(scale_position(2.0), "spacing-0-5");
        assert_eq!(scale_position(0.0), "spacing-0");
        assert_eq!(scale_position(6.0), "spacing-1-5");
    }

    #[test]
    fn one_context_per_token_and_no_two_tokens_share_one() {
        // Was: three tokens all `card padding`, exported as `card-padding`, `card-padding-2`…
        let got = unique_contexts(&[
            (3, vec![("card padding", 3)]),
            (9, vec![("card padding", 6), ("list gap", 3)]),
            (5, vec![("Card  padding", 4), ("button", 1)]),
            (2, vec![("!!!", 2)]),
        ]);
        assert_eq!(got, ["", "card padding", "button", ""]);
    }

    #[test]
    fn steps_are_exact_quarters_of_the_value() {
        assert_eq!(step(16.0), "4");
        assert_eq!(step(20.0), "5");
        assert_eq!(step(13.0), "3-25");
        assert_eq!(step(13.25), "3-3125");
        assert_eq!(step(96.0), "24");
    }

    proptest::proptest! {
        /// Distinct quarter-pixel values get distinct steps, and a step reads back as its value.
        #[test]
        fn a_step_names_exactly_one_quarter_pixel(a in 0u32..40_000, b in 0u32..40_000) {
            let (va, vb) = (f64::from(a) / 4.0, f64::from(b) / 4.0);
            proptest::prop_assert_eq!(step(va) == step(vb), a == b);
            let back: f64 = step(va).replace('-', ".").parse().expect("a number");
            proptest::prop_assert_eq!(back * 4.0, va);
            proptest::prop_assert!(crate::naming::slug(&step(va)) == Some(step(va)));
        }
    }

    #[test]
    fn all_five_schemes() {
        let n = semantic_names(16.0, "md", SpacingType::Padding, "card padding");
        assert_eq!(n.t_shirt, "md");
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
