//! JSON formats: W3C DTCG 2025.10, the Style Dictionary flavour, Figma variables.

use copy_that_spacing::SpacingLibrary;
use serde_json::{json, Map, Value};

use crate::names::{comment, group_name, number, resolve, responsive_value, Resolved};
use crate::options::{ExportOptions, Unit};

const EXTENSION_KEY: &str = "app.copythat";

fn pretty(v: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(v).unwrap_or_default();
    out.push(b'\n');
    out
}

/// A DTCG 2025.10 `dimension` value: `{value, unit}` in px or rem.
fn dimension(px: f64, options: &ExportOptions) -> Value {
    match options.unit {
        Unit::Px => json!({"value": round(px), "unit": "px"}),
        Unit::Rem => json!({"value": round(px / options.root_px.get()), "unit": "rem"}),
    }
}

/// DTCG 2025.10: `dimension` values as `{value, unit}` objects, `$type` on the group, aliases as
/// `{group.name}` references, confidence and provenance under a reverse-domain `$extensions` key.
pub fn dtcg(library: &SpacingLibrary, options: &ExportOptions) -> Vec<u8> {
    pretty(&dtcg_document(&resolve(library, options), options))
}

fn dtcg_document(r: &Resolved, options: &ExportOptions) -> Value {
    let group = group_name(options);
    let mut tokens = Map::new();
    tokens.insert("$type".into(), json!("dimension"));
    tokens.insert(
        "$description".into(),
        json!(format!(
            "Spacing scale on a {} px grid, measured by Copy That",
            number(r.base_unit)
        )),
    );
    for e in &r.entries {
        let t = e.token;
        let value = dimension(t.value_px, options);
        let mut ext = Map::new();
        ext.insert("scale".into(), json!(t.scale.as_str()));
        ext.insert("type".into(), json!(t.spacing_type.as_str()));
        ext.insert("confidence".into(), json!(t.confidence));
        ext.insert("occurrences".into(), json!(t.occurrence_count));
        ext.insert("images".into(), json!(t.image_count));
        if options.responsive {
            let rs = &t.responsive_scales;
            ext.insert(
                "responsive".into(),
                json!({"mobile": rs.mobile, "tablet": rs.tablet, "desktop": rs.desktop, "widescreen": rs.widescreen}),
            );
        }
        if options.provenance {
            let sources: Vec<Value> = t
                .occurrences
                .iter()
                .map(|o| {
                    let b = o.bbox.map(|b| json!([b.x, b.y, b.w, b.h]));
                    json!({"image": o.image, "box": b, "value_px": o.value_px, "confidence": o.confidence})
                })
                .collect();
            ext.insert("sources".into(), Value::Array(sources));
        }
        tokens.insert(
            e.name.clone(),
            json!({
                "$value": value,
                "$description": comment(&t.use_case),
                "$extensions": {EXTENSION_KEY: Value::Object(ext)},
            }),
        );
    }
    let mut root = Map::new();
    root.insert(group.clone(), Value::Object(tokens));
    if !r.aliases.is_empty() {
        let mut semantic = Map::new();
        semantic.insert("$type".into(), json!("dimension"));
        for a in &r.aliases {
            semantic.insert(
                a.name.clone(),
                json!({"$value": format!("{{{group}.{}}}", a.target)}),
            );
        }
        root.insert("semantic".into(), Value::Object(semantic));
    }
    Value::Object(root)
}

/// The breakpoints of a token's responsive values, as DTCG resolver contexts.
const BREAKPOINTS: [&str; 4] = ["mobile", "tablet", "desktop", "widescreen"];

/// DTCG Resolver Module 2025.10: the DTCG tokens as the base set, and a `breakpoint` modifier whose
/// contexts give every token its responsive value (desktop by default). Self-contained: the sets
/// are inline, so the one file resolves on its own.
pub fn dtcg_resolver(library: &SpacingLibrary, options: &ExportOptions) -> Vec<u8> {
    let r = resolve(library, options);
    let base = dtcg_document(&r, options);
    let group = group_name(options);
    let mut contexts = Map::new();
    for bp in BREAKPOINTS {
        let mut tokens = Map::new();
        for e in &r.entries {
            let px = responsive_value(&e.token.responsive_scales, bp);
            tokens.insert(
                e.name.clone(),
                json!({"$type": "dimension", "$value": dimension(px, options)}),
            );
        }
        let mut set = Map::new();
        set.insert(group.clone(), Value::Object(tokens));
        contexts.insert(bp.into(), json!([Value::Object(set)]));
    }
    let rule = r
        .entries
        .first()
        .map(|e| comment(&e.token.responsive_scales.rule))
        .unwrap_or_default();
    pretty(&json!({
        "name": "Copy That spacing",
        "version": "2025.10",
        "description": "Spacing measured by Copy That, with per-breakpoint values",
        "sets": {
            "spacing": { "description": "The measured scale", "sources": [base] }
        },
        "modifiers": {
            "breakpoint": {
                "description": comment(&format!("Responsive spacing: {rule}")),
                "contexts": Value::Object(contexts),
                "default": "desktop"
            }
        },
        "resolutionOrder": [
            { "$ref": "#/sets/spacing" },
            { "$ref": "#/modifiers/breakpoint" }
        ]
    }))
}

/// What Style Dictionary v4/v5 reads today: `$value` as a CSS dimension string, `$type`
/// dimension, references as `{group.name}`.
pub fn style_dictionary(library: &SpacingLibrary, options: &ExportOptions) -> Vec<u8> {
    let r = resolve(library, options);
    let group = group_name(options);
    let mut tokens = Map::new();
    for e in &r.entries {
        tokens.insert(
            e.name.clone(),
            json!({
                "$value": crate::names::css_value(e.token.value_px, options),
                "$type": "dimension",
                // Style Dictionary reads `{…}` in any string as a reference.
                "$description": comment(&e.token.use_case).replace('{', "(").replace('}', ")"),
            }),
        );
    }
    let mut root = Map::new();
    root.insert(group.clone(), Value::Object(tokens));
    if !r.aliases.is_empty() {
        let mut semantic = Map::new();
        for a in &r.aliases {
            semantic.insert(
                a.name.clone(),
                json!({"$value": format!("{{{group}.{}}}", a.target), "$type": "dimension"}),
            );
        }
        root.insert("semantic".into(), Value::Object(semantic));
    }
    pretty(&Value::Object(root))
}

/// Figma variables: one collection, one mode, FLOAT variables in px scoped to gaps and sizes;
/// aliases as `VARIABLE_ALIAS` values.
pub fn figma(library: &SpacingLibrary, options: &ExportOptions) -> Vec<u8> {
    let r = resolve(library, options);
    let group = group_name(options);
    let mut variables: Vec<Value> = r
        .entries
        .iter()
        .map(|e| {
            json!({
                "name": format!("{group}/{}", e.name),
                "type": "FLOAT",
                "description": comment(&e.token.use_case),
                "scopes": ["GAP", "WIDTH_HEIGHT"],
                "valuesByMode": {"Default": round(e.token.value_px)},
            })
        })
        .collect();
    for a in &r.aliases {
        variables.push(json!({
            "name": format!("semantic/{}", a.name),
            "type": "FLOAT",
            "scopes": ["GAP", "WIDTH_HEIGHT"],
            "valuesByMode": {"Default": {"type": "VARIABLE_ALIAS", "name": format!("{group}/{}", a.target)}},
        }));
    }
    pretty(&json!({
        "version": 1,
        "collections": [{"name": "Spacing", "modes": ["Default"], "variables": variables}],
    }))
}

fn round(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}
