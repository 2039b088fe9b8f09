//! Strict validation of a model's answer: the numbers are bounded, the types known, the strings
//! short and clean. Anything else is an error for this image, never a token.

use copy_that_spacing::SpacingType;
use serde_json::Value;

use crate::error::AiError;
use crate::prompt::MAX_VALUES;

/// Longest kept context or intent, in characters.
const MAX_TEXT: usize = 80;
/// Largest value accepted, in pixels of the image the model saw.
const MAX_VALUE: f64 = 2000.0;

/// One value as the model reported it, in pixels of the image it was sent.
#[derive(Debug, Clone, PartialEq)]
pub struct AiValue {
    pub px: f64,
    pub spacing_type: SpacingType,
    pub context: String,
    pub design_intent: String,
}

/// Keeps letters, digits, spaces and basic punctuation; drops control characters and markup
/// characters; collapses whitespace; bounds the length.
pub fn clean(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let keep = c.is_alphanumeric()
            || matches!(
                c,
                ' ' | '-' | '_' | ',' | '.' | '\'' | '(' | ')' | '/' | '&'
            );
        let c = if c.is_whitespace() { ' ' } else { c };
        if (keep || c == ' ') && !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
        if out.chars().count() >= MAX_TEXT {
            break;
        }
    }
    out.trim().to_string()
}

/// Validates the structured answer `{"spacing": [...]}`.
pub fn validate(answer: &Value) -> Result<Vec<AiValue>, AiError> {
    let items = answer
        .get("spacing")
        .and_then(Value::as_array)
        .ok_or_else(|| AiError::Malformed("no `spacing` list".into()))?;
    let mut out = Vec::new();
    let mut rejected = 0;
    for item in items.iter().take(MAX_VALUES) {
        let px = item.get("value").and_then(Value::as_f64);
        let ty = item.get("type").and_then(Value::as_str).and_then(|t| {
            SpacingType::ALL
                .into_iter()
                .find(|s| s.as_str() == t && *s != SpacingType::Mixed)
        });
        match (px, ty) {
            (Some(px), Some(spacing_type)) if px.is_finite() && px > 0.0 && px <= MAX_VALUE => {
                out.push(AiValue {
                    px,
                    spacing_type,
                    context: clean(item.get("context").and_then(Value::as_str).unwrap_or("")),
                    design_intent: clean(
                        item.get("design_intent")
                            .and_then(Value::as_str)
                            .unwrap_or(""),
                    ),
                });
            }
            _ => rejected += 1,
        }
    }
    if out.is_empty() {
        return Err(AiError::Invalid(format!(
            "{} values, {rejected} out of bounds or of an unknown type",
            items.len()
        )));
    }
    Ok(out)
}

/// Parses a JSON text answer (OpenAI puts the structured output in a string).
pub fn parse_text(text: &str) -> Result<Value, AiError> {
    serde_json::from_str(text).map_err(|e| AiError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_are_cleaned_and_bounded() {
        assert_eq!(clean("card\n padding <script>"), "card padding script");
        assert_eq!(clean(&"a".repeat(500)).len(), 80);
        assert_eq!(clean("{{spacing.md}} $x \u{2028}"), "spacing.md x");
    }

    #[test]
    fn nonsense_values_are_dropped_and_all_nonsense_is_an_error() {
        let v = validate(&json!({"spacing": [
            {"value": 16, "type": "padding", "context": "card", "design_intent": "room"},
            {"value": -4, "type": "gap", "context": "", "design_intent": ""},
            {"value": 1e9, "type": "gap", "context": "", "design_intent": ""},
            {"value": 8, "type": "teleport", "context": "", "design_intent": ""},
            {"value": "8", "type": "gap", "context": "", "design_intent": ""}
        ]}))
        .expect("one good value");
        assert_eq!(v.len(), 1);
        assert!(matches!(
            validate(&json!({"spacing": [{"value": 0, "type": "gap"}]})),
            Err(AiError::Invalid(_))
        ));
        assert!(matches!(
            validate(&json!({"values": []})),
            Err(AiError::Malformed(_))
        ));
        assert!(matches!(
            parse_text("{\"spacing\": [ {\"val"),
            Err(AiError::Malformed(_))
        ));
    }
}
