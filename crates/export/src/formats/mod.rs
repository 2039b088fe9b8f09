//! The registry of generators: pure functions from a library to bytes, looked up by name.

use copy_that_spacing::SpacingLibrary;

use crate::options::ExportOptions;

mod code;
mod css;
mod json;

/// One output format.
pub struct Format {
    /// The name used on the command line and in the UI.
    pub name: &'static str,
    /// The file it is written to.
    pub file: &'static str,
    pub description: &'static str,
    pub generate: fn(&SpacingLibrary, &ExportOptions) -> Vec<u8>,
}

pub const FORMATS: &[Format] = &[
    Format {
        name: "dtcg",
        file: "tokens.json",
        description: "W3C Design Tokens (DTCG 2025.10)",
        generate: json::dtcg,
    },
    Format {
        name: "dtcg-resolver",
        file: "tokens.resolver.json",
        description: "DTCG resolver with breakpoint contexts (2025.10)",
        generate: json::dtcg_resolver,
    },
    Format {
        name: "style-dictionary",
        file: "tokens.style-dictionary.json",
        description: "Style Dictionary v4/v5 source",
        generate: json::style_dictionary,
    },
    Format {
        name: "css",
        file: "spacing.css",
        description: "CSS custom properties",
        generate: css::css,
    },
    Format {
        name: "scss",
        file: "_spacing.scss",
        description: "SCSS variables, map and function",
        generate: css::scss,
    },
    Format {
        name: "ts",
        file: "spacing.ts",
        description: "TypeScript / React theme",
        generate: code::typescript,
    },
    Format {
        name: "tailwind-v4",
        file: "spacing.tailwind.css",
        description: "Tailwind v4 @theme",
        generate: css::tailwind_v4,
    },
    Format {
        name: "tailwind-v3",
        file: "tailwind.config.js",
        description: "Tailwind v3 theme.extend.spacing",
        generate: code::tailwind_v3,
    },
    Format {
        name: "figma",
        file: "spacing.figma.json",
        description: "Figma variables collection",
        generate: json::figma,
    },
    Format {
        name: "android",
        file: "dimens.xml",
        description: "Android dimens.xml (dp)",
        generate: code::android,
    },
    Format {
        name: "ios",
        file: "Spacing.swift",
        description: "iOS Swift CGFloat constants",
        generate: code::swift,
    },
    Format {
        name: "flutter",
        file: "spacing.dart",
        description: "Flutter Dart constants",
        generate: code::dart,
    },
];

/// A format by name.
pub fn format(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.name == name)
}
