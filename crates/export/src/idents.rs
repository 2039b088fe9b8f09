//! Identifiers each language accepts, for any token name.
//!
//! Entry names are safe kebab-case (`[a-z0-9-]`, unique), but not every language takes them as
//! they are: `$3xs` is not a Sass variable, `default` is not a Swift or Dart constant name, and
//! `md-2` and `md2` both become `md2` in camelCase. Each generator asks this module for its
//! identifiers: a stem that would start with a digit or is a reserved word is prefixed with `size`,
//! and a stem already taken (by an earlier token in library order, or by a name the file itself
//! declares) gets a `2`, `3`… suffix, so distinct tokens always get distinct identifiers and the
//! same library always gets the same ones. Aliases are named after every entry, so an alias never
//! shares its target's identifier (it would refer to itself).

use std::collections::{HashMap, HashSet};

use crate::names::{upper_first, Resolved};

/// A language whose identifiers are written bare (not as string keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Sass variables and function names (kebab-case).
    Scss,
    /// JavaScript / TypeScript bindings (camelCase).
    Js,
    /// Swift static constants (camelCase).
    Swift,
    /// Dart static constants (camelCase).
    Dart,
    /// Android resource names, also Java and Kotlin field names (snake_case).
    Android,
}

#[rustfmt::skip]
const JS_RESERVED: &[&str] = &[
    "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
    "default", "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally",
    "for", "function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new",
    "null", "package", "private", "protected", "public", "return", "static", "super", "switch",
    "this", "throw", "true", "try", "typeof", "undefined", "var", "void", "while", "with", "yield",
];

#[rustfmt::skip]
const SWIFT_RESERVED: &[&str] = &[
    "as", "associatedtype", "await", "break", "case", "catch", "class", "continue", "default",
    "defer", "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate",
    "for", "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "nil",
    "open", "operator", "precedencegroup", "private", "protocol", "public", "repeat", "rethrows",
    "return", "self", "static", "struct", "subscript", "super", "switch", "throw", "throws", "true",
    "try", "typealias", "var", "where", "while",
];

#[rustfmt::skip]
const DART_RESERVED: &[&str] = &[
    "abstract", "as", "assert", "async", "await", "base", "break", "case", "catch", "class",
    "const", "continue", "covariant", "default", "deferred", "do", "dynamic", "else", "enum",
    "export", "extends", "extension", "external", "factory", "false", "final", "finally", "for",
    "function", "get", "hide", "if", "implements", "import", "in", "interface", "is", "late",
    "library", "mixin", "new", "null", "of", "on", "operator", "part", "required", "rethrow",
    "return", "sealed", "set", "show", "static", "super", "switch", "sync", "this", "throw", "true",
    "try", "type", "typedef", "var", "void", "when", "while", "with", "yield",
    // Object's members: a static constant may not share an inherited instance member's name.
    "hashCode", "runtimeType", "toString", "noSuchMethod",
];

/// A Sass variable's `$` sigil makes any identifier a valid name; a function may not be named after
/// a Sass keyword or a CSS function Sass evaluates itself.
#[rustfmt::skip]
const SCSS_FUNCTION_RESERVED: &[&str] = &[
    "and", "or", "not", "if", "else", "calc", "clamp", "element", "expression", "url", "null",
    "true", "false", "min", "max", "var", "env", "attr",
];

/// Java and Kotlin keywords (an Android resource name becomes a field of `R.dimen`).
#[rustfmt::skip]
const ANDROID_RESERVED: &[&str] = &[
    "abstract", "as", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
    "const", "continue", "default", "do", "double", "else", "enum", "extends", "false", "final",
    "finally", "float", "for", "fun", "goto", "if", "implements", "import", "in", "instanceof",
    "int", "interface", "is", "long", "native", "new", "null", "object", "package", "private",
    "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
    "synchronized", "this", "throw", "throws", "transient", "true", "try", "typealias", "typeof",
    "val", "var", "void", "volatile", "when", "while",
];

/// The words a bare identifier may not be in `lang`.
pub fn reserved(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Js => JS_RESERVED,
        Lang::Swift => SWIFT_RESERVED,
        Lang::Dart => DART_RESERVED,
        Lang::Scss => &[],
        Lang::Android => ANDROID_RESERVED,
    }
}

/// Whether `ident` may be written bare in `lang`: a letter first, then the language's name
/// characters, and not a reserved word.
pub fn is_valid(lang: Lang, ident: &str) -> bool {
    let mut chars = ident.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| match lang {
        Lang::Scss => c.is_ascii_alphanumeric() || c == '-',
        Lang::Android => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_',
        _ => c.is_ascii_alphanumeric() || c == '_',
    });
    first_ok && rest_ok && !reserved(lang).contains(&ident)
}

/// `stem` made valid for `lang`: prefixed with `size` when it starts with a digit or is reserved.
pub fn valid_stem(lang: Lang, stem: &str) -> String {
    if is_valid(lang, stem) {
        return stem.to_string();
    }
    match lang {
        Lang::Scss => format!("size-{stem}"),
        Lang::Android => format!("size_{stem}"),
        _ => format!("size{}", upper_first(stem)),
    }
}

/// A Sass function name for the group (`@function spacing($key)`).
pub fn scss_function_name(group: &str) -> String {
    let name = valid_stem(Lang::Scss, group);
    if SCSS_FUNCTION_RESERVED.contains(&name.as_str()) {
        format!("size-{name}")
    } else {
        name
    }
}

/// Every entry's and alias's identifier in one language, unique and valid.
pub struct Idents {
    by_name: HashMap<String, String>,
}

impl Idents {
    /// `stem` turns a kebab name into the language's form (`camel`, a prefixed Sass name…);
    /// `declared` lists the identifiers the file declares itself, which tokens must not take.
    pub fn new(
        r: &Resolved,
        lang: Lang,
        stem: impl Fn(&str) -> String,
        declared: &[String],
    ) -> Self {
        let mut taken: HashSet<String> = declared.iter().map(|d| fold(lang, d)).collect();
        let mut by_name = HashMap::new();
        let names = r.entries.iter().map(|e| &e.name);
        for name in names.chain(r.aliases.iter().map(|a| &a.name)) {
            let base = valid_stem(lang, &stem(name));
            let mut ident = base.clone();
            let mut n = 2;
            while !taken.insert(fold(lang, &ident)) {
                ident = match lang {
                    Lang::Scss => format!("{base}-{n}"),
                    _ => format!("{base}_{n}"),
                };
                n += 1;
            }
            by_name.insert(name.clone(), ident);
        }
        Self { by_name }
    }

    /// The identifier of an entry or alias name of the library these were made for.
    pub fn get<'a>(&'a self, name: &'a str) -> &'a str {
        self.by_name.get(name).map_or(name, String::as_str)
    }
}

/// Sass treats `-` and `_` in names as the same character.
fn fold(lang: Lang, ident: &str) -> String {
    match lang {
        Lang::Scss => ident.replace('_', "-"),
        _ => ident.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_digits_and_reserved_words_get_a_prefix() {
        assert_eq!(valid_stem(Lang::Scss, "3xs"), "size-3xs");
        assert_eq!(valid_stem(Lang::Scss, "default"), "default");
        assert_eq!(scss_function_name("calc"), "size-calc");
        assert_eq!(valid_stem(Lang::Swift, "default"), "sizeDefault");
        assert_eq!(valid_stem(Lang::Dart, "new"), "sizeNew");
        assert_eq!(valid_stem(Lang::Js, "class"), "sizeClass");
        assert_eq!(valid_stem(Lang::Android, "2x_md"), "size_2x_md");
        assert_eq!(valid_stem(Lang::Swift, "md"), "md");
    }
}
