//! Turning a library into named entries every format can write safely.
//!
//! Names come from measurements and models (contexts such as "card padding", AI intents), so they
//! are never trusted: each is reduced to lower-case kebab-case ASCII (`[a-z0-9-]`), an empty result
//! falls back to the token's position, and collisions get a stable `-2`, `-3` suffix in library
//! order. Each format then only changes the case and separators of these safe names. Aliases are
//! written only where they carry meaning (see [`resolve`]).

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
        Naming::TShirt => &t.semantic_names.t_shirt,
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
    let aliases = if options.aliases && options.naming != Naming::Contextual {
        aliases(&entries, &taken)
    } else {
        Vec::new()
    };
    Resolved {
        entries,
        aliases,
        base_unit: library.statistics.base_unit,
    }
}

/// Aliases that carry meaning: a token measured in a named context (`card padding`) gets that
/// context as a second name. The engine gives each token one context and no two tokens the same
/// one, and keeps it across rebuilds (`copy_that_spacing::keep`); here an alias is also never a
/// name an entry has nor one an earlier alias took (it is left out, never numbered), and it always
/// points at an entry, never at another alias.
fn aliases(entries: &[Entry], taken: &HashSet<String>) -> Vec<Alias> {
    let mut written = HashSet::new();
    entries
        .iter()
        .filter(|e| !e.token.context.is_empty())
        .filter_map(|e| {
            let name = slug(&e.token.semantic_names.contextual)?;
            (!taken.contains(&name) && written.insert(name.clone())).then(|| Alias {
                name,
                target: e.name.clone(),
            })
        })
        .collect()
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

    use copy_that_spacing::{aggregate, AggregateOptions, Measurement, SpacingType};

    /// Each value measured `n` times in its context.
    fn library(values: &[(f64, usize, &str)]) -> SpacingLibrary {
        let m: Vec<Measurement> = values
            .iter()
            .flat_map(|&(v, n, ctx)| {
                let m = Measurement::new(v, 0.9, SpacingType::Padding).expect("valid");
                std::iter::repeat_n(m.with_context(ctx), n)
            })
            .collect();
        aggregate(&[m], &AggregateOptions::default()).expect("library")
    }

    /// Every token in `context`, as a library saved by an earlier version could have them.
    fn all_in(mut lib: SpacingLibrary, context: &str) -> SpacingLibrary {
        for t in &mut lib.tokens {
            t.context = context.into();
            t.semantic_names.contextual = format!("{context}-padding");
        }
        lib
    }

    fn pairs(r: &Resolved) -> Vec<(String, String)> {
        let a = r.aliases.iter();
        a.map(|a| (a.name.clone(), a.target.clone())).collect()
    }

    #[test]
    fn no_numbered_alias_copies_when_tokens_share_a_context() {
        // Was: `card-padding` → 8 px, `card-padding-2` → 16 px, `card-padding-3` → 24 px.
        // The engine now gives a context to one token only (the most measured in it)…
        let lib = library(&[(8.0, 2, "card"), (16.0, 5, "card"), (24.0, 3, "card")]);
        let r = resolve(&lib, &ExportOptions::default());
        assert_eq!(pairs(&r), [("card-padding".into(), "4".into())]);
        // …and a library saved before that still gets one alias per context, the first.
        let old = all_in(lib, "card");
        let r = resolve(&old, &ExportOptions::default());
        assert_eq!(pairs(&r), [("card-padding".into(), "2".into())]);
    }

    #[test]
    fn contextual_naming_writes_no_alias_pointing_at_an_alias() {
        // Was: entries `card-padding`, `card-padding-2` and an alias `card-padding-3` →
        // `card-padding-2`, a copy of a copy.
        let lib = all_in(library(&[(8.0, 2, ""), (16.0, 5, "")]), "card");
        let options = ExportOptions {
            naming: Naming::Contextual,
            ..ExportOptions::default()
        };
        let r = resolve(&lib, &options);
        let names: Vec<&str> = r.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["card-padding", "card-padding-2"]);
        assert!(r.aliases.is_empty());
    }

    #[test]
    fn a_token_without_a_context_gets_no_alias_of_its_rank() {
        // Was: `md-padding` → `md`, an alias made of the rank and the role, carrying nothing.
        let lib = library(&[(8.0, 2, ""), (16.0, 2, "button")]);
        let r = resolve(&lib, &ExportOptions::default());
        assert_eq!(pairs(&r), [("button-padding".into(), "4".into())]);
    }

    #[test]
    fn an_alias_never_takes_a_name_an_entry_has() {
        // Was: `md-padding-2` → `sm-padding`, a numbered copy of the 16 px entry's name.
        let lib = library(&[(8.0, 2, "md padding"), (16.0, 2, "")]);
        let options = ExportOptions {
            naming: Naming::Descriptive,
            ..ExportOptions::default()
        };
        let r = resolve(&lib, &options);
        let names: Vec<&str> = r.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["sm-padding", "md-padding"]);
        assert!(r.aliases.is_empty(), "{:?}", pairs(&r));
    }

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
