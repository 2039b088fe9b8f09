//! Turning a library into named entries every format can write safely.
//!
//! Names come from measurements and models (contexts such as "card padding", AI intents), so they
//! are never trusted: each is reduced to lower-case kebab-case ASCII (`[a-z0-9-]`), an empty result
//! falls back to the token's position, and collisions get a stable `-2`, `-3` suffix in library
//! order. Each format then only changes the case and separators of these safe names.

use std::collections::HashSet;

use copy_that_spacing::naming::slug;
use copy_that_spacing::{ResponsiveScales, SpacingLibrary, SpacingToken};

use crate::options::{ExportOptions, Naming, Unit};

/// A token as every format writes it.
pub struct Entry<'a> {
    /// Unique, `[a-z0-9-]`, never empty.
    pub name: String,
    pub token: &'a SpacingToken,
}

/// A semantic alias (e.g. `card-padding`) pointing at an entry.
pub struct Alias {
    pub name: String,
    pub target: String,
}

pub struct Resolved<'a> {
    pub entries: Vec<Entry<'a>>,
    pub aliases: Vec<Alias>,
    pub base_unit: f64,
}

fn unique(name: String, taken: &mut HashSet<String>) -> String {
    if taken.insert(name.clone()) {
        return name;
    }
    let mut n = 2;
    loop {
        let candidate = format!("{name}-{n}");
        if taken.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

fn scheme_name(t: &SpacingToken, naming: Naming) -> &str {
    match naming {
        Naming::Simple => &t.name,
        Naming::Descriptive => &t.semantic_names.descriptive,
        Naming::Contextual => &t.semantic_names.contextual,
        Naming::ScalePosition => &t.semantic_names.scale_position,
        Naming::Semantic => &t.semantic_names.semantic,
    }
}

pub fn resolve<'a>(library: &'a SpacingLibrary, options: &ExportOptions) -> Resolved<'a> {
    let mut taken = HashSet::new();
    let entries: Vec<Entry> = library
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let base =
                slug(scheme_name(t, options.naming)).unwrap_or_else(|| format!("token-{}", i + 1));
            Entry {
                name: unique(base, &mut taken),
                token: t,
            }
        })
        .collect();
    let mut aliases = Vec::new();
    if options.aliases {
        for e in &entries {
            let Some(name) = slug(&e.token.semantic_names.contextual) else {
                continue;
            };
            if name == e.name {
                continue;
            }
            aliases.push(Alias {
                name: unique(name, &mut taken),
                target: e.name.clone(),
            });
        }
    }
    Resolved {
        entries,
        aliases,
        base_unit: library.statistics.base_unit,
    }
}

/// A token's suggested value at a named breakpoint (`mobile`, `tablet`, `desktop`, `widescreen`).
pub fn responsive_value(r: &ResponsiveScales, breakpoint: &str) -> f64 {
    match breakpoint {
        "mobile" => r.mobile,
        "tablet" => r.tablet,
        "widescreen" => r.widescreen,
        _ => r.desktop,
    }
}

/// `16` → `16px` or `1rem`, without trailing zeros; 0 is `0`.
pub fn css_value(px: f64, options: &ExportOptions) -> String {
    if px == 0.0 {
        return "0".into();
    }
    match options.unit {
        Unit::Px => format!("{}px", number(px)),
        Unit::Rem => format!("{}rem", number(px / options.root_px.get())),
    }
}

/// A number as code writes it: at most 4 decimals, no trailing zeros.
pub fn number(v: f64) -> String {
    let r = (v * 10_000.0).round() / 10_000.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// Free text made safe for any comment: one line, no comment terminators, bounded length.
pub fn comment(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .take(160)
        .collect();
    one_line
        .replace("*/", "* /")
        .replace("/*", "/ *")
        .replace("--", "- -")
        .replace('<', "‹")
        .replace('>', "›")
        .trim()
        .to_string()
}

/// kebab-case → camelCase, prefixed when it would start with a digit (`2xs` → `size2xs`).
pub fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '-' {
            upper = true;
        } else if upper && !out.is_empty() {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
            upper = false;
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out = format!("size{out}");
    }
    out
}

/// kebab-case → snake_case (Android resource names).
/// `md` → `Md`: the first letter upper-cased (a type named after a value).
pub fn upper_first(name: &str) -> String {
    let mut c = name.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_ascii_uppercase().to_string() + c.as_str()
    })
}

pub fn snake(name: &str) -> String {
    name.replace('-', "_")
}

/// The name of the token group: the prefix as a slug, `spacing` when there is none.
pub fn group_name(options: &ExportOptions) -> String {
    slug(&options.prefix).unwrap_or_else(|| "spacing".into())
}

/// The CSS/SCSS variable stem: `prefix-name`, or the name alone without a prefix.
pub fn prefixed(prefix: &str, name: &str) -> String {
    match slug(prefix) {
        Some(p) => format!("{p}-{name}"),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_and_snake() {
        assert_eq!(camel("card-padding"), "cardPadding");
        assert_eq!(camel("2xs"), "size2xs");
        assert_eq!(camel("md"), "md");
        assert_eq!(snake("card-padding"), "card_padding");
    }

    #[test]
    fn comments_cannot_be_escaped() {
        let c = comment("a */ b <!-- c --> d\\n\u{2028}e /* f");
        assert!(!c.contains("*/") && !c.contains("/*") && !c.contains("--") && !c.contains('<'));
        assert!(!c.contains('\u{2028}'));
    }

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(number(16.0), "16");
        assert_eq!(number(0.625), "0.625");
        assert_eq!(number(1.0 / 3.0), "0.3333");
    }
}
