//! Every generator that writes bare identifiers (Sass, TypeScript, Swift, Dart, Android) writes
//! valid, distinct ones for any token name and prefix: `--prefix ""` with the engine's `3xs` once
//! gave `$3xs: 2px;`, which Sass rejects, and `md-2` and `md2` both became Swift's `md2`.

mod fixtures;

use std::collections::HashSet;

use copy_that_export::idents::{reserved, Lang};
use copy_that_export::{generate, ExportOptions};
use copy_that_spacing::SpacingLibrary;
use proptest::prelude::*;

/// Identifier grammar per language, written out here (not the crate's own check).
fn valid(lang: Lang, ident: &str) -> bool {
    let mut chars = ident.chars();
    let first = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest = chars.all(|c| match lang {
        Lang::Scss => c.is_ascii_alphanumeric() || c == '-' || c == '_',
        Lang::Android => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_',
        _ => c.is_ascii_alphanumeric() || c == '_',
    });
    // A Sass variable's `$` makes any identifier a name; elsewhere a few keywords, listed here.
    let keywords: &[&str] = match lang {
        Lang::Scss => &[],
        Lang::Swift => &["class", "default", "let", "in", "is", "var", "self", "init"],
        Lang::Dart => &[
            "class", "default", "new", "in", "is", "var", "const", "hashCode",
        ],
        Lang::Js => &[
            "class", "default", "new", "let", "delete", "const", "in", "var",
        ],
        Lang::Android => &["class", "default", "new", "int", "fun", "val"],
    };
    let keyword = keywords.contains(&ident);
    first && rest && !keyword && !reserved(lang).contains(&ident)
}

/// The identifiers a file declares, and the (alias, target) references it makes, read back from
/// its text.
fn declared(format: &str, text: &str) -> (Lang, Vec<String>, Vec<(String, String)>) {
    let mut decls = Vec::new();
    let mut refs = Vec::new();
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect()
    };
    let lang = match format {
        "scss" => Lang::Scss,
        "ts" => Lang::Js,
        "ios" => Lang::Swift,
        "flutter" => Lang::Dart,
        _ => Lang::Android,
    };
    for line in text.lines().map(str::trim) {
        let (name, value) = if let Some(rest) = line.strip_prefix('$') {
            (word(rest), rest.split_once(": ").map(|(_, v)| v))
        } else if let Some(rest) = line.strip_prefix("@function ") {
            let function = word(rest);
            if ["calc", "if", "and", "url", "min", "max"].contains(&function.as_str()) {
                panic!("a Sass function named {function:?}:\n{text}");
            }
            (function, None)
        } else if let Some(rest) = line.strip_prefix("export const ") {
            (word(rest), None)
        } else if let Some(rest) = line.strip_prefix("public static let ") {
            (word(rest), rest.split_once(" = ").map(|(_, v)| v))
        } else if let Some(rest) = line.strip_prefix("static const double ") {
            (word(rest), rest.split_once(" = ").map(|(_, v)| v))
        } else if let Some(rest) = line.strip_prefix("<dimen name=\"") {
            (word(rest), None)
        } else {
            continue;
        };
        if let Some(v) = value {
            let target = word(v.trim_start_matches('$'));
            if target.starts_with(|c: char| c.is_ascii_alphabetic()) {
                refs.push((name.clone(), target));
            }
        }
        if let Some((_, target)) = line.split_once("@dimen/") {
            refs.push((name.clone(), word(target)));
        }
        decls.push(name);
    }
    (lang, decls, refs)
}

fn check_every_format(lib: &SpacingLibrary, opts: &ExportOptions) -> Result<(), String> {
    for format in ["scss", "ts", "ios", "flutter", "android"] {
        let text = String::from_utf8(generate(format, lib, opts).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        let (lang, decls, refs) = declared(format, &text);
        let mut seen = HashSet::new();
        for d in &decls {
            if !valid(lang, d) {
                return Err(format!(
                    "{format}: {d:?} is not a valid identifier:\n{text}"
                ));
            }
            // Sass reads `-` and `_` as one character.
            if format != "ts" && !seen.insert(d.replace('_', "-")) {
                return Err(format!("{format}: {d:?} is declared twice:\n{text}"));
            }
        }
        for (alias, target) in &refs {
            if alias == target {
                return Err(format!("{format}: {alias} aliases itself:\n{text}"));
            }
            if !decls.contains(target) {
                return Err(format!(
                    "{format}: {alias} refers to undeclared {target}:\n{text}"
                ));
            }
        }
    }
    Ok(())
}

fn named(names: &[&str], contexts: &[&str]) -> SpacingLibrary {
    let mut lib = fixtures::library();
    for (i, t) in lib.tokens.iter_mut().enumerate() {
        t.name = names[i % names.len()].to_string();
        t.semantic_names.contextual = contexts[i % contexts.len()].to_string();
    }
    lib
}

fn no_prefix() -> ExportOptions {
    ExportOptions {
        prefix: String::new(),
        ..ExportOptions::default()
    }
}

#[test]
fn empty_prefix_with_3xs_names_gives_valid_scss_variables() {
    let lib = named(&["3xs", "2xs", "xs", "md"], &["card padding"]);
    let scss =
        String::from_utf8(generate("scss", &lib, &no_prefix()).expect("scss")).expect("utf8");
    assert!(!scss.contains("$3xs"), "{scss}");
    assert!(scss.contains("$size-3xs: "), "{scss}");
    assert!(
        scss.contains("\"3xs\": $size-3xs"),
        "the map key stays the token's name: {scss}"
    );
    check_every_format(&lib, &no_prefix()).expect("valid");
}

#[test]
fn md_2_and_md2_get_distinct_identifiers() {
    let lib = named(&["md-2", "md2", "2xs", "size2xs"], &["x"]);
    let swift = String::from_utf8(generate("ios", &lib, &no_prefix()).expect("ios")).expect("utf8");
    assert!(swift.contains("static let md2: CGFloat"), "{swift}");
    assert!(swift.contains("static let md2_2: CGFloat"), "{swift}");
    assert!(swift.contains("static let size2xs_2: CGFloat"), "{swift}");
    check_every_format(&lib, &no_prefix()).expect("valid");
}

#[test]
fn reserved_words_are_never_written_bare() {
    let lib = named(
        &["default", "class", "new", "let", "delete", "in"],
        &["self", "is"],
    );
    for prefix in ["", "class", "default", "theme", "2x", "calc"] {
        let opts = ExportOptions {
            prefix: prefix.into(),
            ..ExportOptions::default()
        };
        check_every_format(&lib, &opts).unwrap_or_else(|e| panic!("prefix {prefix:?}: {e}"));
    }
}

#[test]
fn an_alias_whose_camel_case_matches_its_target_does_not_alias_itself() {
    // The alias `md-2` (from the context) and its target `md2` are both `md2` in camelCase.
    let lib = named(&["md2"], &["md 2"]);
    check_every_format(&lib, &no_prefix()).expect("valid");
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 -]{0,10}",
        "[0-9][a-z0-9-]{0,4}",
        prop::sample::select(vec![
            "default", "class", "new", "let", "delete", "self", "in", "is", "hashCode", "calc",
            "theme", "scale", "md-2", "md2", "3xs", "size3xs",
        ])
        .prop_map(String::from),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_names_and_prefix_give_valid_distinct_identifiers(
        names in prop::collection::vec(name(), 1..8),
        contexts in prop::collection::vec(name(), 1..8),
        prefix in name(),
    ) {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let contexts: Vec<&str> = contexts.iter().map(String::as_str).collect();
        let lib = named(&names, &contexts);
        let opts = ExportOptions { prefix, ..ExportOptions::default() };
        if let Err(e) = check_every_format(&lib, &opts) {
            prop_assert!(false, "{}", e);
        }
    }
}
