//! The spacing token and the values it is built from.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::SpacingError;

/// Largest spacing value accepted, in CSS px. Anything bigger is a measurement error, not spacing.
pub const MAX_SPACING_PX: f64 = 10_000.0;

/// Checks that a value can be a spacing in CSS px.
pub fn validate_px(value: f64) -> Result<f64, SpacingError> {
    if !value.is_finite() {
        return Err(SpacingError::NotFinite(value));
    }
    if value < 0.0 {
        return Err(SpacingError::Negative(value));
    }
    if value > MAX_SPACING_PX {
        return Err(SpacingError::TooLarge {
            value,
            max: MAX_SPACING_PX,
        });
    }
    Ok(value)
}

/// Checks that a confidence lies in 0..=1.
pub fn validate_confidence(confidence: f64) -> Result<f64, SpacingError> {
    if confidence.is_finite() && (0.0..=1.0).contains(&confidence) {
        Ok(confidence)
    } else {
        Err(SpacingError::Confidence(confidence))
    }
}

/// A step of the spacing scale, from the tightest (`2xs`) to the widest (`3xl`); `none` is 0.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
pub enum SpacingScale {
    #[serde(rename = "none")]
    None,
    #[serde(rename = "2xs")]
    Xxs,
    #[serde(rename = "xs")]
    Xs,
    #[serde(rename = "sm")]
    Sm,
    #[serde(rename = "md")]
    Md,
    #[serde(rename = "lg")]
    Lg,
    #[serde(rename = "xl")]
    Xl,
    #[serde(rename = "2xl")]
    Xxl,
    #[serde(rename = "3xl")]
    Xxxl,
}

impl SpacingScale {
    /// The steps from tightest to widest, without `none`.
    pub const STEPS: [SpacingScale; 8] = [
        Self::Xxs,
        Self::Xs,
        Self::Sm,
        Self::Md,
        Self::Lg,
        Self::Xl,
        Self::Xxl,
        Self::Xxxl,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Xxs => "2xs",
            Self::Xs => "xs",
            Self::Sm => "sm",
            Self::Md => "md",
            Self::Lg => "lg",
            Self::Xl => "xl",
            Self::Xxl => "2xl",
            Self::Xxxl => "3xl",
        }
    }
}

/// How a spacing is used in a layout.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "lowercase")]
pub enum SpacingType {
    /// Space between a container's edge and its content.
    Padding,
    /// Space outside an element, pushing its neighbours away.
    Margin,
    /// Space between siblings in a row, column or grid.
    Gap,
    /// Offset of a positioned element from its container's edge.
    Inset,
    /// Space between the columns or rows of a page grid.
    Gutter,
    /// Used in several ways; no single role dominates.
    #[default]
    Mixed,
}

impl SpacingType {
    pub const ALL: [SpacingType; 6] = [
        Self::Padding,
        Self::Margin,
        Self::Gap,
        Self::Inset,
        Self::Gutter,
        Self::Mixed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Padding => "padding",
            Self::Margin => "margin",
            Self::Gap => "gap",
            Self::Inset => "inset",
            Self::Gutter => "gutter",
            Self::Mixed => "mixed",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Whether the set of spacings keeps to one rhythm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Rhythm {
    /// Nearly every value sits on the base-unit grid: the layout breathes evenly.
    Consistent,
    /// Most values sit on the grid, but a noticeable share does not.
    Mixed,
    /// Values do not follow a shared grid: spacing was chosen case by case.
    #[default]
    Irregular,
}

/// A rectangle in image pixels: where a spacing was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub struct BBox {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

/// One spacing measured in one image, in CSS px: the input of aggregation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Measurement {
    /// The distance in CSS px (image px divided by the pixel density).
    pub value_px: f64,
    /// How sure the extractor is that this distance is a designed spacing (0..1).
    #[serde(default = "one")]
    pub confidence: f64,
    #[serde(default)]
    pub spacing_type: SpacingType,
    /// What the geometry suggests it is, e.g. "card padding".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// Where in the image it was measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
    /// Why the designer chose it, when an AI engine said so ("breathing room").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design_intent: Option<String>,
}

fn one() -> f64 {
    1.0
}

impl Measurement {
    pub fn new(
        value_px: f64,
        confidence: f64,
        spacing_type: SpacingType,
    ) -> Result<Self, SpacingError> {
        Ok(Self {
            value_px: validate_px(value_px)?,
            confidence: validate_confidence(confidence)?,
            spacing_type,
            context: None,
            bbox: None,
            design_intent: None,
        })
    }

    pub fn with_context(mut self, context: impl Into<String>) -> Self {
        self.context = Some(context.into());
        self
    }

    pub fn with_bbox(mut self, bbox: BBox) -> Self {
        self.bbox = Some(bbox);
        self
    }

    pub fn validate(&self) -> Result<(), SpacingError> {
        validate_px(self.value_px)?;
        validate_confidence(self.confidence)?;
        Ok(())
    }
}

/// Where one occurrence of a token was measured: its provenance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct Occurrence {
    /// Index of the image in the batch the library was built from.
    pub image: u32,
    /// The value measured there, before merging, in CSS px.
    pub value_px: f64,
    pub confidence: f64,
    pub spacing_type: SpacingType,
    /// Always serialized (as null when unknown): libraries are also stored in a compact binary
    /// form that cannot skip fields.
    #[serde(default)]
    pub bbox: Option<BBox>,
}

/// How many times a token occurs in one image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ImageUsage {
    pub image: u32,
    pub count: u32,
}

/// Suggested values of a token per breakpoint, in CSS px, and the rule that produced them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ResponsiveScales {
    pub mobile: f64,
    pub tablet: f64,
    pub desktop: f64,
    pub widescreen: f64,
    pub rule: String,
}

/// The same token named five ways, for teams with different conventions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SemanticNames {
    /// The t-shirt size: the value's rank in the set (the step nearest 16 px is `md`), e.g. `md`.
    /// A naming scheme, not an identity: it moves as values join the set.
    #[serde(alias = "simple")]
    pub t_shirt: String,
    /// Step and role, e.g. `md-padding`.
    pub descriptive: String,
    /// Where it is used, e.g. `card-padding`.
    pub contextual: String,
    /// Position on a 4 px numeric scale, as Tailwind counts it, e.g. `spacing-4` for 16 px.
    pub scale_position: String,
    /// How it feels, e.g. `comfortable-padding`.
    pub semantic: String,
}

/// How a token was produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ExtractionMetadata {
    pub algorithm_version: String,
    /// The engine that measured it: `local`, `claude`, `openai`, ... or `aggregate` when merged.
    pub provider: String,
    /// Time spent producing the library, in milliseconds.
    pub elapsed_ms: f64,
}

/// A spacing design token with everything a designer or a generator needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SpacingToken {
    /// The value in CSS px.
    pub value_px: f64,
    /// The value in rem, relative to the root font size.
    pub value_rem: f64,
    /// The value in em, relative to the same font size (the parent's, when unknown the root's).
    pub value_em: f64,
    /// Where the value sits in the scale, ranked among the set's values.
    pub scale: SpacingScale,
    /// The grid unit the whole set was built on (4 px, 8 px, ...).
    pub base_unit: f64,
    /// How many base units the value spans (16 px on a 4 px grid is 4).
    pub multiplier: f64,
    /// The token's name in the library: unique, safe for code.
    pub name: String,
    /// Its dominant role in the layout.
    pub spacing_type: SpacingType,
    /// Why the designer chose it, e.g. "breathing room" (from AI engines; empty when unknown).
    pub design_intent: String,
    /// What the value is good for, e.g. "padding inside cards and panels".
    pub use_case: String,
    /// Where it was seen, e.g. "card padding".
    pub context: String,
    /// How sure the engine is this is a real step of the system (0..1).
    pub confidence: f64,
    /// Whether the value sits on the base-unit grid.
    pub is_grid_compliant: bool,
    /// Whether the set this token belongs to keeps one rhythm.
    pub rhythm_consistency: Rhythm,
    pub responsive_scales: ResponsiveScales,
    pub semantic_names: SemanticNames,
    /// Names of the neighbouring steps of the scale.
    pub related_to: Vec<String>,
    /// Components it was measured in, e.g. "card", "button".
    pub component_usage: Vec<String>,
    /// How many times it was measured.
    pub occurrence_count: u32,
    /// In how many distinct images.
    pub image_count: u32,
    pub average_confidence: f64,
    pub images: Vec<ImageUsage>,
    /// Every measurement of it. May be missing from JSON that summarises them (`copy-that
    /// aggregate --json` prints `occurrences_by_image` instead); always in the binary snapshot.
    #[serde(default)]
    pub occurrences: Vec<Occurrence>,
    pub extraction_metadata: ExtractionMetadata,
}

impl SpacingToken {
    /// A token for one value on its own (for example one the user typed). Its base unit, scale and
    /// names come from the same set-level analysis as a library of one.
    pub fn new(
        value_px: f64,
        confidence: f64,
        spacing_type: SpacingType,
    ) -> Result<Self, SpacingError> {
        let m = Measurement::new(value_px, confidence, spacing_type)?;
        let lib = crate::aggregate::aggregate(&[vec![m]], &crate::AggregateOptions::default())?;
        lib.tokens
            .into_iter()
            .next()
            .ok_or(SpacingError::NotFinite(value_px))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_values_are_rejected_with_the_value_named() {
        assert_eq!(validate_px(-1.0), Err(SpacingError::Negative(-1.0)));
        assert!(matches!(
            validate_px(f64::NAN),
            Err(SpacingError::NotFinite(_))
        ));
        assert!(matches!(
            validate_px(f64::INFINITY),
            Err(SpacingError::NotFinite(_))
        ));
        let e = validate_px(1e6).unwrap_err();
        assert_eq!(
            e.to_string(),
            "spacing value 1000000 px is larger than the 10000 px limit"
        );
        assert_eq!(validate_px(0.0), Ok(0.0));
        assert_eq!(validate_px(MAX_SPACING_PX), Ok(MAX_SPACING_PX));
    }

    #[test]
    fn confidence_must_lie_in_0_1() {
        assert!(validate_confidence(1.5).is_err());
        assert!(validate_confidence(-0.1).is_err());
        assert!(validate_confidence(f64::NAN).is_err());
        assert_eq!(validate_confidence(0.0), Ok(0.0));
        assert!(Measurement::new(8.0, 2.0, SpacingType::Gap).is_err());
    }

    #[test]
    fn a_token_is_built_with_every_property() {
        let t = SpacingToken::new(16.0, 0.9, SpacingType::Padding).expect("valid token");
        assert_eq!(t.value_px, 16.0);
        assert_eq!(t.value_rem, 1.0);
        assert_eq!(t.value_em, 1.0);
        assert_eq!(t.base_unit, 4.0, "one value: the 4 px convention");
        assert_eq!(t.multiplier, 4.0);
        assert_eq!(t.scale, SpacingScale::Md);
        assert!(t.is_grid_compliant);
        assert_eq!(t.semantic_names.descriptive, "md-padding");
        assert!(SpacingToken::new(-4.0, 0.9, SpacingType::Padding).is_err());
        assert!(SpacingToken::new(4.0, 1.1, SpacingType::Padding).is_err());
    }

    #[test]
    fn the_batch_shape_of_the_planning_documents_deserializes() {
        let m: Vec<Vec<Measurement>> = serde_json::from_str(
            r#"[[{"value_px": 16, "confidence": 0.9, "spacing_type": "padding"}, {"value_px": 8}]]"#,
        )
        .expect("batch");
        assert_eq!(m[0][0].spacing_type, SpacingType::Padding);
        assert_eq!(m[0][1].confidence, 1.0);
        assert_eq!(m[0][1].spacing_type, SpacingType::Mixed);
    }

    #[test]
    fn scale_serializes_as_designers_write_it() {
        let s = serde_json::to_string(&[SpacingScale::Xxs, SpacingScale::Md, SpacingScale::Xxxl])
            .expect("json");
        assert_eq!(s, r#"["2xs","md","3xl"]"#);
    }
}
