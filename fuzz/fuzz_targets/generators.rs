//! Any library (token values, names, contexts, responsive suggestions, as a hand-edited
//! `export --from` file may hold them) with any names, prefix and options, through every
//! generator: never a panic; JSON formats parse, the DTCG file imports back to the same values,
//! bare identifiers are valid and distinct in their language, and every CSS value written is a
//! spacing the engine accepts.
#![no_main]

use std::collections::HashSet;

use copy_that_export::idents::{is_valid, Lang};
use copy_that_export::{
    check_library, generate, import_dtcg, ExportOptions, Naming, Unit, FORMATS,
};
use copy_that_spacing::{
    aggregate, AggregateOptions, Measurement, MergeThreshold, RootPx, SpacingLibrary, SpacingType,
    MAX_SPACING_PX,
};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Token {
    /// The measured value in quarter pixels (the engine's precision).
    quarter_px: u16,
    /// A value written over it afterwards, as a hand-edited library file may hold.
    edited_px: Option<f64>,
    kind: u8,
    name: String,
    descriptive: String,
    contextual: String,
    scale_position: String,
    semantic: String,
    context: String,
    design_intent: String,
    responsive: Option<[f64; 4]>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    tokens: Vec<Token>,
    prefix: String,
    rem: bool,
    naming: u8,
    aliases: bool,
    provenance: bool,
    responsive: bool,
    root: u8,
}

fn library(input: &Input) -> Option<SpacingLibrary> {
    let tokens = &input.tokens[..input.tokens.len().min(16)];
    let measurements: Vec<Measurement> = tokens
        .iter()
        .filter_map(|t| {
            let ty = SpacingType::ALL[usize::from(t.kind) % SpacingType::ALL.len()];
            let px = f64::from(t.quarter_px % 40_001) / 4.0;
            Measurement::new(px, 0.9, ty).ok()
        })
        .collect();
    let options = AggregateOptions {
        threshold: MergeThreshold::new(0.0).expect("0 merges nothing"),
        ..AggregateOptions::default()
    };
    let mut lib = aggregate(&[measurements], &options).ok()?;
    for (t, src) in lib.tokens.iter_mut().zip(tokens) {
        t.name = src.name.clone();
        t.semantic_names.t_shirt = src.name.clone();
        t.semantic_names.descriptive = src.descriptive.clone();
        t.semantic_names.contextual = src.contextual.clone();
        t.semantic_names.scale_position = src.scale_position.clone();
        t.semantic_names.semantic = src.semantic.clone();
        t.context = src.context.clone();
        t.design_intent = src.design_intent.clone();
        if let Some(px) = src.edited_px {
            t.value_px = px;
        }
        if let Some([m, tab, d, w]) = src.responsive {
            t.responsive_scales.mobile = m;
            t.responsive_scales.tablet = tab;
            t.responsive_scales.desktop = d;
            t.responsive_scales.widescreen = w;
        }
    }
    // What `export --from` does with a library file before any generator sees it.
    check_library(lib, "fuzz.json").ok().map(|i| i.library)
}

/// The identifiers a file declares, read back from its text (as the identifier tests do).
fn declared(format: &str, text: &str) -> Option<(Lang, Vec<String>)> {
    let lang = match format {
        "scss" => Lang::Scss,
        "ts" => Lang::Js,
        "ios" => Lang::Swift,
        "flutter" => Lang::Dart,
        "android" => Lang::Android,
        _ => return None,
    };
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect()
    };
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        let rest = [
            "$",
            "export const ",
            "public static let ",
            "static const double ",
            "<dimen name=\"",
        ]
        .iter()
        .find_map(|p| line.strip_prefix(p));
        if let Some(rest) = rest {
            out.push(word(rest));
        }
    }
    Some((lang, out))
}

/// `--x: 16px;` → 16 (px), for CSS custom property lines.
fn css_values(text: &str, root_px: f64) -> Vec<(String, f64)> {
    text.lines()
        .filter_map(|l| {
            let (_, v) = l.trim().strip_prefix("--")?.split_once(": ")?;
            let v = v.strip_suffix(';')?;
            if v == "0" {
                return Some((l.to_string(), 0.0));
            }
            let px = if let Some(n) = v.strip_suffix("rem") {
                n.parse::<f64>().ok()? * root_px
            } else {
                v.strip_suffix("px")?.parse::<f64>().ok()?
            };
            Some((l.to_string(), px))
        })
        .collect()
}

fuzz_target!(|input: Input| {
    let Some(lib) = library(&input) else {
        return;
    };
    let naming = [
        Naming::Simple,
        Naming::TShirt,
        Naming::Descriptive,
        Naming::Contextual,
        Naming::ScalePosition,
        Naming::Semantic,
    ][usize::from(input.naming) % 6];
    // 0.5 px is a root size the settings refuse: the type says so before any generator runs.
    let Ok(root_px) = RootPx::new([16.0, 10.0, 1.0, 256.0, 0.5][usize::from(input.root % 5)])
    else {
        return;
    };
    let opts = ExportOptions {
        unit: if input.rem { Unit::Rem } else { Unit::Px },
        root_px,
        naming,
        prefix: input.prefix.clone(),
        aliases: input.aliases,
        provenance: input.provenance,
        responsive: input.responsive,
    };
    for f in FORMATS {
        let bytes = match generate(f.name, &lib, &opts) {
            Ok(b) => b,
            Err(e) => panic!("{} refused a valid library: {e}", f.name),
        };
        let text = String::from_utf8(bytes).expect("every format is UTF-8");
        if f.file.ends_with(".json") {
            let v: Result<serde_json::Value, _> = serde_json::from_str(&text);
            assert!(v.is_ok(), "{} is not JSON: {v:?}\n{text}", f.name);
        }
        if f.name == "dtcg" && !lib.tokens.is_empty() {
            let again = import_dtcg(&text, "again.json", root_px)
                .unwrap_or_else(|e| panic!("the DTCG export does not import: {e}\n{text}"));
            // Import aggregates like measurements: values within 1 px merge as measurement noise
            // (32.5 and 33.5 px come back as one 32.5 px token; docs/RELIABILITY.md lists this
            // as found and not yet changed). The export writes 4 decimals (of rem, a few
            // thousandths of a px at large root sizes). So each value must come back within a
            // pixel plus that rounding, and no value may appear from nowhere.
            let slack = 1.0 + 0.0001 * root_px.get().max(1.0);
            let got: Vec<f64> = again.library.tokens.iter().map(|t| t.value_px).collect();
            for t in &lib.tokens {
                assert!(
                    got.iter().any(|g| (g - t.value_px).abs() <= slack),
                    "{} px did not come back through DTCG ({got:?}):\n{text}",
                    t.value_px
                );
            }
            for g in &got {
                assert!(
                    lib.tokens.iter().any(|t| (g - t.value_px).abs() <= slack),
                    "{g} px came back from nowhere:\n{text}"
                );
            }
        }
        if let Some((lang, idents)) = declared(f.name, &text) {
            let mut seen = HashSet::new();
            for id in &idents {
                let id_ok = match lang {
                    // `$` makes any Sass identifier a variable; `_` and `-` are one character.
                    Lang::Scss => id.starts_with(|c: char| c.is_ascii_alphabetic()),
                    _ => is_valid(lang, id),
                };
                assert!(id_ok, "{}: invalid identifier {id:?}\n{text}", f.name);
                let key = if lang == Lang::Js {
                    id.clone()
                } else {
                    id.replace('_', "-")
                };
                assert!(
                    seen.insert(key),
                    "{}: {id:?} declared twice\n{text}",
                    f.name
                );
            }
        }
        if matches!(f.name, "css" | "tailwind-v4") {
            for (line, px) in css_values(&text, root_px.get()) {
                assert!(
                    (0.0..=MAX_SPACING_PX).contains(&px),
                    "{}: {line:?} is not a spacing\n{text}",
                    f.name
                );
            }
        }
    }
});
