//! Hand edits of a library (rename, retype, delete, merge). Edits name a token by its value, not
//! its position, so they can be replayed on a library rebuilt after more images were added: the
//! token they meant is the one nearest that value within the merge tolerance.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::aggregate::SpacingLibrary;
use crate::model::{validate_px, ImageUsage, ResponsiveScales, SpacingToken, SpacingType};

/// One change a designer made to a token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TokenEdit {
    #[serde(rename_all = "camelCase")]
    Rename { value_px: f64, name: String },
    #[serde(rename_all = "camelCase")]
    Retype {
        value_px: f64,
        spacing_type: SpacingType,
    },
    #[serde(rename_all = "camelCase")]
    Delete { value_px: f64 },
    /// Folds the token at `value_px` into the one at `into_px`, which keeps its value and name.
    #[serde(rename_all = "camelCase")]
    Merge { value_px: f64, into_px: f64 },
    /// Keeps an off-grid or rarely used token as its own, on purpose: the audit stops listing
    /// it. The library is unchanged.
    #[serde(rename_all = "camelCase")]
    Keep { value_px: f64 },
    /// Brings back a value the images' selection left out (the audit's "measured but left out"):
    /// its measurements join the step at `into_px` (a snap) or, without one, make a token of their
    /// own (unless the project's merge threshold joins them to a token that near). It acts when a
    /// library is built from the images' measurements ([`crate::audit::included`]); replayed on a
    /// built library it changes nothing.
    #[serde(rename_all = "camelCase")]
    Include {
        value_px: f64,
        #[serde(default)]
        into_px: Option<f64>,
    },
    /// Sets the token's per-breakpoint values by hand (the rule then says so).
    #[serde(rename_all = "camelCase")]
    Responsive {
        value_px: f64,
        mobile: f64,
        tablet: f64,
        desktop: f64,
        widescreen: f64,
    },
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("no token near {0} px in this library")]
    NoToken(f64),
    #[error("{0:?} is not a valid token name: use 1 to 48 lower-case letters, digits and single hyphens, starting with a letter")]
    InvalidName(String),
    #[error("another token is already named {0:?}")]
    NameTaken(String),
    #[error("a token cannot be merged into itself")]
    SelfMerge,
    #[error("{0}")]
    Value(#[from] crate::SpacingError),
}

/// Names that are safe as CSS custom property parts, SCSS keys, TS members and file keys alike.
pub fn valid_token_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b.len() <= 48
        && b[0].is_ascii_lowercase()
        && !name.ends_with('-')
        && !name.contains("--")
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// The index of the token nearest `value_px`, if one is within `tolerance` (a fraction of the
/// value, at least half a pixel).
fn find(library: &SpacingLibrary, value_px: f64, tolerance: f64) -> Option<usize> {
    let allowed = (value_px * tolerance).max(0.5);
    library
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (i, (t.value_px - value_px).abs()))
        .filter(|(_, d)| *d <= allowed)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

fn absorb(into: &mut SpacingToken, from: SpacingToken) {
    let total = into.occurrence_count + from.occurrence_count;
    if total > 0 {
        into.average_confidence = (into.average_confidence * f64::from(into.occurrence_count)
            + from.average_confidence * f64::from(from.occurrence_count))
            / f64::from(total);
    }
    into.occurrence_count = total;
    for usage in from.images {
        match into.images.iter_mut().find(|u| u.image == usage.image) {
            Some(u) => u.count += usage.count,
            None => into.images.push(ImageUsage { ..usage }),
        }
    }
    into.images.sort_by_key(|u| u.image);
    into.image_count = into.images.len() as u32;
    into.occurrences.extend(from.occurrences);
    for c in from.component_usage {
        if !into.component_usage.contains(&c) {
            into.component_usage.push(c);
        }
    }
    into.confidence = into.confidence.max(from.confidence);
}

/// Applies one edit, or says why it cannot be.
pub fn apply_edit(
    library: &mut SpacingLibrary,
    edit: &TokenEdit,
    tolerance: f64,
) -> Result<(), EditError> {
    match edit {
        TokenEdit::Rename { value_px, name } => {
            let i = find(library, *value_px, tolerance).ok_or(EditError::NoToken(*value_px))?;
            if !valid_token_name(name) {
                return Err(EditError::InvalidName(name.clone()));
            }
            if library
                .tokens
                .iter()
                .enumerate()
                .any(|(j, t)| j != i && t.name == *name)
            {
                return Err(EditError::NameTaken(name.clone()));
            }
            library.tokens[i].name = name.clone();
        }
        TokenEdit::Retype {
            value_px,
            spacing_type,
        } => {
            let i = find(library, *value_px, tolerance).ok_or(EditError::NoToken(*value_px))?;
            library.tokens[i].spacing_type = *spacing_type;
        }
        TokenEdit::Delete { value_px } => {
            let i = find(library, *value_px, tolerance).ok_or(EditError::NoToken(*value_px))?;
            library.tokens.remove(i);
        }
        TokenEdit::Merge { value_px, into_px } => {
            let from = find(library, *value_px, tolerance).ok_or(EditError::NoToken(*value_px))?;
            let into = find(library, *into_px, tolerance).ok_or(EditError::NoToken(*into_px))?;
            if from == into {
                return Err(EditError::SelfMerge);
            }
            let token = library.tokens.remove(from);
            let into = if into > from { into - 1 } else { into };
            absorb(&mut library.tokens[into], token);
        }
        TokenEdit::Keep { value_px } => {
            find(library, *value_px, tolerance).ok_or(EditError::NoToken(*value_px))?;
        }
        TokenEdit::Include { value_px, into_px } => {
            validate_px(*value_px)?;
            if let Some(into) = into_px {
                validate_px(*into)?;
            }
        }
        TokenEdit::Responsive {
            value_px,
            mobile,
            tablet,
            desktop,
            widescreen,
        } => {
            let i = find(library, *value_px, tolerance).ok_or(EditError::NoToken(*value_px))?;
            library.tokens[i].responsive_scales = ResponsiveScales {
                mobile: validate_px(*mobile)?,
                tablet: validate_px(*tablet)?,
                desktop: validate_px(*desktop)?,
                widescreen: validate_px(*widescreen)?,
                rule: "set by hand".into(),
            };
        }
    }
    library.statistics.token_count = library.tokens.len() as u32;
    Ok(())
}

/// Replays saved edits in order on a freshly built library. An edit whose token is gone (its
/// image was removed) is skipped: the rest still apply. Returns how many were skipped.
pub fn replay(library: &mut SpacingLibrary, edits: &[TokenEdit], tolerance: f64) -> usize {
    edits
        .iter()
        .filter(|e| apply_edit(library, e, tolerance).is_err())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{aggregate, AggregateOptions, Measurement};

    fn library(values: &[f64]) -> SpacingLibrary {
        let ms: Vec<Measurement> = values
            .iter()
            .map(|v| Measurement::new(*v, 0.9, SpacingType::Padding).unwrap())
            .collect();
        aggregate(&[ms], &AggregateOptions::default()).unwrap()
    }

    #[test]
    fn rename_validates_and_refuses_clashes() {
        let mut lib = library(&[8.0, 16.0, 24.0]);
        let other = "tight".to_string();
        let first = TokenEdit::Rename {
            value_px: 8.0,
            name: other.clone(),
        };
        apply_edit(&mut lib, &first, 0.1).unwrap();
        let rename = |name: &str| TokenEdit::Rename {
            value_px: 16.0,
            name: name.into(),
        };
        assert!(matches!(
            apply_edit(&mut lib, &rename("Card Padding"), 0.1),
            Err(EditError::InvalidName(_))
        ));
        assert!(matches!(
            apply_edit(&mut lib, &rename("a</style>"), 0.1),
            Err(EditError::InvalidName(_))
        ));
        assert_eq!(
            apply_edit(&mut lib, &rename(&other), 0.1),
            Err(EditError::NameTaken(other))
        );
        apply_edit(&mut lib, &rename("card-padding"), 0.1).unwrap();
        assert_eq!(lib.tokens[1].name, "card-padding");
    }

    #[test]
    fn merge_moves_every_occurrence_into_the_target() {
        let mut lib = library(&[8.0, 8.0, 16.0, 24.0, 24.0, 24.0]);
        let before: u32 = lib.tokens.iter().map(|t| t.occurrence_count).sum();
        apply_edit(
            &mut lib,
            &TokenEdit::Merge {
                value_px: 8.0,
                into_px: 24.0,
            },
            0.1,
        )
        .unwrap();
        assert_eq!(lib.tokens.len(), 2);
        let after: u32 = lib.tokens.iter().map(|t| t.occurrence_count).sum();
        assert_eq!(before, after);
        let t24 = lib.tokens.iter().find(|t| t.value_px == 24.0).unwrap();
        assert_eq!(t24.occurrence_count, 5);
        assert_eq!(t24.occurrences.len(), 5);
        assert_eq!(lib.statistics.token_count, 2);
    }

    #[test]
    fn edits_find_their_token_after_a_small_drift_and_skip_gone_ones() {
        let mut lib = library(&[8.0, 16.5, 24.0]);
        let edits = vec![
            TokenEdit::Retype {
                value_px: 16.0,
                spacing_type: SpacingType::Gap,
            },
            TokenEdit::Delete { value_px: 64.0 },
            TokenEdit::Delete { value_px: 8.0 },
        ];
        assert_eq!(replay(&mut lib, &edits, 0.1), 1);
        assert_eq!(lib.tokens.len(), 2);
        assert_eq!(lib.tokens[0].spacing_type, SpacingType::Gap);
    }

    #[test]
    fn responsive_values_are_set_by_hand_and_checked() {
        let mut lib = library(&[8.0, 16.0]);
        let edit = |mobile: f64| TokenEdit::Responsive {
            value_px: 16.0,
            mobile,
            tablet: 16.0,
            desktop: 16.0,
            widescreen: 24.0,
        };
        assert!(matches!(
            apply_edit(&mut lib, &edit(-4.0), 0.1),
            Err(EditError::Value(_))
        ));
        apply_edit(&mut lib, &edit(12.0), 0.1).unwrap();
        let r = &lib.tokens[1].responsive_scales;
        assert_eq!((r.mobile, r.widescreen), (12.0, 24.0));
        assert_eq!(r.rule, "set by hand");
    }

    #[test]
    fn edits_round_trip_as_tagged_json() {
        let e = TokenEdit::Merge {
            value_px: 8.0,
            into_px: 12.0,
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"kind":"merge","valuePx":8.0,"intoPx":12.0}"#);
        assert_eq!(serde_json::from_str::<TokenEdit>(&json).unwrap(), e);
    }
}
