//! Reading a DTCG file back into a library: 2025.10 `{value, unit}` objects and the older `"16px"`
//! strings, px and rem, with `$type` inherited from groups. Aliases are skipped (they name values
//! already read).

use copy_that_spacing::{aggregate, AggregateOptions, Measurement, SpacingLibrary, SpacingType};
use serde_json::Value;

use crate::error::ExportError;

/// Parses a design tokens file and builds a library of its dimension tokens, keeping their names.
pub fn import_dtcg(text: &str, source: &str, root_px: f64) -> Result<SpacingLibrary, ExportError> {
    if !(1.0..=256.0).contains(&root_px) {
        return Err(ExportError::RootSize(root_px));
    }
    let json: Value = serde_json::from_str(text)
        .map_err(|e| ExportError::Import(source.into(), e.to_string()))?;
    let mut found: Vec<(String, f64)> = Vec::new();
    walk(&json, "", None, root_px, &mut found);
    if found.is_empty() {
        return Err(ExportError::Import(
            source.into(),
            "it holds no dimension tokens".into(),
        ));
    }
    let measurements: Vec<Measurement> = found
        .iter()
        .map(|(_, px)| Measurement::new(*px, 1.0, SpacingType::Mixed))
        .collect::<Result<_, _>>()?;
    let options = AggregateOptions {
        threshold: 0.0,
        provider: "import".into(),
        ..AggregateOptions::default()
    };
    let mut library = aggregate(&[measurements], &options)?;
    // Keep the file's own names: the first token of each value names it.
    for t in &mut library.tokens {
        if let Some((name, _)) = found.iter().find(|(_, px)| (px - t.value_px).abs() < 1e-9) {
            t.name = name.clone();
        }
    }
    Ok(library)
}

fn walk(
    v: &Value,
    path: &str,
    inherited: Option<&str>,
    root_px: f64,
    out: &mut Vec<(String, f64)>,
) {
    let Value::Object(map) = v else { return };
    let ty = map.get("$type").and_then(Value::as_str).or(inherited);
    if let Some(value) = map.get("$value") {
        if matches!(ty, Some("dimension") | Some("spacing") | None) {
            if let Some(px) = dimension(value, root_px) {
                out.push((path.to_string(), px));
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
        walk(child, &p, ty, root_px, out);
    }
}

/// A dimension in px from `{"value": 16, "unit": "px"}`, `"16px"`, `"1rem"` or a bare number.
fn dimension(v: &Value, root_px: f64) -> Option<f64> {
    let (n, unit) = match v {
        Value::Object(o) => (
            o.get("value")?.as_f64()?,
            o.get("unit")?.as_str()?.to_string(),
        ),
        Value::String(s) => {
            let s = s.trim();
            if s.starts_with('{') {
                return None;
            }
            let split = s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len());
            (s[..split].trim().parse().ok()?, s[split..].to_string())
        }
        Value::Number(n) => (n.as_f64()?, "px".into()),
        _ => return None,
    };
    let px = match unit.as_str() {
        "px" | "" => n,
        "rem" => n * root_px,
        _ => return None,
    };
    (px.is_finite() && px >= 0.0).then_some(px)
}
