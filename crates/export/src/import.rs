//! Reading a DTCG file back into a library: 2025.10 `{value, unit}` objects and the older `"16px"`
//! strings, px and rem, with `$type` inherited from groups. Aliases are skipped (they name values
//! already read). A UTF-8 byte order mark before the JSON is accepted.
//!
//! One bad value skips its token, never the file: a token that is negative, not a finite number,
//! larger than [`MAX_SPACING_PX`](copy_that_spacing::MAX_SPACING_PX), in a unit other than px or rem, or so small it would become
//! `0px` at the engine's quarter-pixel precision is left out and listed in [`Imported::skipped`]
//! with its name and the reason, for the caller to show. A file whose every token is bad is refused,
//! naming them all. The same check applies to a library read from JSON ([`check_library`]).

use std::fmt;

use copy_that_spacing::model::validate_px;
use copy_that_spacing::{
    aggregate, AggregateOptions, Measurement, MergeThreshold, RootPx, SpacingError, SpacingLibrary,
    SpacingToken, SpacingType,
};
use serde_json::Value;

use crate::error::ExportError;

/// The engine keeps values to a quarter pixel: anything closer to 0 than this becomes 0 px.
const QUARTER_PX: f64 = 0.25;

/// A token left out of an import, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// Its path in the file (`spacing.md`) or its name in the library.
    pub name: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "skipped {}: {}", self.name, self.reason)
    }
}

/// An imported library and the tokens left out of it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub library: SpacingLibrary,
    pub skipped: Vec<Skipped>,
}

/// Parses a design tokens file and builds a library of its dimension tokens, keeping their names.
pub fn import_dtcg(text: &str, source: &str, root_px: RootPx) -> Result<Imported, ExportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let json: Value = serde_json::from_str(text)
        .map_err(|e| ExportError::Import(source.into(), e.to_string()))?;
    let mut found: Vec<(String, f64)> = Vec::new();
    let mut skipped = Vec::new();
    walk(&json, "", None, root_px.get(), &mut found, &mut skipped);
    if found.is_empty() {
        let why = if skipped.is_empty() {
            "it holds no dimension tokens".to_string()
        } else {
            format!(
                "none of its dimension tokens is usable ({})",
                listed(&skipped)
            )
        };
        return Err(ExportError::Import(source.into(), why));
    }
    let measurements: Vec<Measurement> = found
        .iter()
        .map(|(_, px)| Measurement::new(*px, 1.0, SpacingType::Mixed))
        .collect::<Result<_, _>>()?;
    let options = AggregateOptions {
        threshold: MergeThreshold::ZERO,
        provider: "import".into(),
        ..AggregateOptions::default()
    };
    let mut library = aggregate(&[measurements], &options)?;
    // Keep the file's own names: the first token of each (quarter-pixel) value names it.
    for t in &mut library.tokens {
        if let Some((name, _)) = found
            .iter()
            .find(|(_, px)| (px - t.value_px).abs() <= QUARTER_PX / 2.0)
        {
            t.name = name.clone();
        }
    }
    // The aggregation merges values within a pixel of each other, as it does measurement noise: a
    // file's 1px and 2px tokens become one. Not silently: each token that lost its own value is
    // listed with the token it went into (it was dropped without a word, found by fuzzing).
    for (name, px) in &found {
        let own = |t: &&SpacingToken| (px - t.value_px).abs() <= QUARTER_PX / 2.0;
        if library.tokens.iter().any(|t| own(&t)) {
            continue;
        }
        if let Some(into) = library
            .tokens
            .iter()
            .min_by(|a, b| (a.value_px - px).abs().total_cmp(&(b.value_px - px).abs()))
        {
            skipped.push(Skipped {
                name: name.clone(),
                reason: format!(
                    "{} is within a pixel of {} ({}), so it was merged into it",
                    number_text(*px),
                    into.name,
                    number_text(into.value_px)
                ),
            });
        }
    }
    Ok(Imported { library, skipped })
}

/// A library read from JSON (`export --from`) with the same check per token as an import, on its
/// value and its responsive suggestions: bad tokens are left out and listed. A library with no usable token is refused.
pub fn check_library(mut library: SpacingLibrary, source: &str) -> Result<Imported, ExportError> {
    let mut skipped = Vec::new();
    library.tokens.retain(|t| match check_token(t) {
        Ok(()) => true,
        Err(reason) => {
            skipped.push(Skipped {
                name: t.name.clone(),
                reason,
            });
            false
        }
    });
    if library.tokens.is_empty() && !skipped.is_empty() {
        return Err(ExportError::Import(
            source.into(),
            format!("none of its tokens is usable ({})", listed(&skipped)),
        ));
    }
    Ok(Imported { library, skipped })
}

/// A library token's value and its responsive suggestions (which the CSS and SCSS media queries
/// write) are each a spacing; the suggestion named in the reason when one is not.
fn check_token(t: &SpacingToken) -> Result<(), String> {
    check_px(t.value_px, &number_text(t.value_px))?;
    let r = &t.responsive_scales;
    for (breakpoint, px) in [
        ("mobile", r.mobile),
        ("tablet", r.tablet),
        ("desktop", r.desktop),
        ("widescreen", r.widescreen),
    ] {
        check_px(px, &number_text(px))
            .map_err(|why| format!("its {breakpoint} suggestion {why}"))?;
    }
    Ok(())
}

/// `a: why; b: why` for an error that names every bad token.
fn listed(skipped: &[Skipped]) -> String {
    let all: Vec<String> = skipped
        .iter()
        .map(|s| format!("{}: {}", s.name, s.reason))
        .collect();
    all.join("; ")
}

fn walk(
    v: &Value,
    path: &str,
    inherited: Option<&str>,
    root_px: f64,
    found: &mut Vec<(String, f64)>,
    skipped: &mut Vec<Skipped>,
) {
    let Value::Object(map) = v else { return };
    let ty = map.get("$type").and_then(Value::as_str).or(inherited);
    if let Some(value) = map.get("$value") {
        if matches!(ty, Some("dimension") | Some("spacing") | None) {
            match dimension(value, root_px) {
                Some(Ok(px)) => found.push((path.to_string(), px)),
                Some(Err(reason)) => skipped.push(Skipped {
                    name: path.to_string(),
                    reason,
                }),
                None => {}
            }
        }
        return;
    }
    for (k, child) in map {
        if k.starts_with('$') {
            continue;
        }
        let p = if path.is_empty() {
            k.clone()
        } else {
            format!("{path}.{k}")
        };
        walk(child, &p, ty, root_px, found, skipped);
    }
}

/// A dimension in px from `{"value": 16, "unit": "px"}`, `"16px"`, `"1rem"` or a bare number, or
/// why it cannot be a spacing. `None` for what is not a dimension value at all (an alias).
fn dimension(v: &Value, root_px: f64) -> Option<Result<f64, String>> {
    let (number, unit, shown): (Result<f64, String>, String, String) = match v {
        Value::Object(o) => {
            let unit = o
                .get("unit")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let raw = o.get("value").map_or_else(String::new, Value::to_string);
            let n = o
                .get("value")
                .and_then(Value::as_f64)
                .ok_or_else(|| format!("its value {raw} is not a number"));
            (n, unit.clone(), format!("{raw}{unit}"))
        }
        Value::String(s) => {
            let s = s.trim();
            if s.starts_with('{') {
                return None;
            }
            let (n, unit) = split_unit(s);
            let parsed = n
                .trim()
                .parse::<f64>()
                .map_err(|_| format!("{s:?} is not a number"));
            (parsed, unit.to_string(), s.to_string())
        }
        Value::Number(n) => (
            n.as_f64().ok_or_else(|| format!("{n} is not a number")),
            "px".into(),
            n.to_string(),
        ),
        _ => return None,
    };
    Some(number.and_then(|n| {
        let px = match unit.as_str() {
            "px" | "" => n,
            "rem" => n * root_px,
            other => return Err(format!("{shown}: the unit {other:?} is not px or rem")),
        };
        check_px(px, &shown)
    }))
}

/// `"16px"` → (`16`, `px`), `"1e-3rem"` → (`1e-3`, `rem`), `"16"` → (`16`, ``), `"2em"` → (`2`, `em`).
fn split_unit(s: &str) -> (&str, &str) {
    if s.parse::<f64>().is_ok() {
        return (s, "");
    }
    let number = s.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    (number, &s[number.len()..])
}

/// Whether `px` can be a spacing token, and why not in words naming the value as written: the
/// engine's own range check (`validate_px`), then the quarter pixel values are kept to.
fn check_px(px: f64, shown: &str) -> Result<f64, String> {
    match validate_px(px) {
        Err(SpacingError::NotFinite(_)) => Err(format!("{shown} is not a finite number")),
        Err(SpacingError::Negative(_)) => Err(format!("{shown} is negative; spacing is 0 or more")),
        Err(SpacingError::TooLarge { max, .. }) => {
            Err(format!("{shown} is larger than {} px", max as u64))
        }
        Err(other) => Err(format!("{shown}: {other}")),
        Ok(px) if px > 0.0 && px < QUARTER_PX / 2.0 => Err(format!(
            "{shown} is below the quarter pixel values are kept to, so it would become 0px"
        )),
        Ok(px) => Ok(px),
    }
}

fn number_text(px: f64) -> String {
    format!("{px}px")
}
