//! Hybrid: the AI says what a spacing is for; the local measurement says how big it is and where.

use copy_that_spacing::Measurement;

/// How far an AI value may be from a measured one to take its number: 10 %, at least 1.5 px.
fn tolerance(v: f64) -> f64 {
    (v * 0.1).max(1.5)
}

/// Each AI value snapped to the nearest measured value within tolerance, taking its number, box
/// and confidence and giving its type, context and intent; values nothing was measured near keep
/// their own number at half confidence, their context marked "not measured".
pub fn snap(ai: &[Measurement], measured: &[Measurement]) -> Vec<Measurement> {
    ai.iter()
        .map(|a| {
            let nearest = measured
                .iter()
                .filter(|m| (m.value_px - a.value_px).abs() <= tolerance(a.value_px))
                .min_by(|x, y| {
                    (x.value_px - a.value_px)
                        .abs()
                        .total_cmp(&(y.value_px - a.value_px).abs())
                        .then(y.confidence.total_cmp(&x.confidence))
                });
            match nearest {
                Some(m) => Measurement {
                    value_px: m.value_px,
                    confidence: m.confidence.max(a.confidence),
                    spacing_type: a.spacing_type,
                    context: a.context.clone().or_else(|| m.context.clone()),
                    bbox: m.bbox,
                    design_intent: a.design_intent.clone(),
                },
                None => Measurement {
                    confidence: a.confidence * 0.5,
                    context: Some(match a.context.as_deref() {
                        Some(c) if !c.is_empty() => format!("{c} (not measured)"),
                        _ => "not measured".into(),
                    }),
                    ..a.clone()
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use copy_that_spacing::{BBox, SpacingType};

    #[test]
    fn ai_values_take_measured_numbers_and_boxes() {
        let b = BBox {
            x: 1,
            y: 2,
            w: 16,
            h: 40,
        };
        let measured = vec![
            Measurement::new(16.0, 0.95, SpacingType::Gap)
                .expect("m")
                .with_bbox(b),
            Measurement::new(24.0, 0.7, SpacingType::Gap).expect("m"),
        ];
        let mut ai = Measurement::new(15.3, 0.6, SpacingType::Padding)
            .expect("ai")
            .with_context("card padding");
        ai.design_intent = Some("breathing room".into());
        let far = Measurement::new(60.0, 0.6, SpacingType::Margin)
            .expect("ai")
            .with_context("section");
        let out = snap(&[ai, far], &measured);
        assert_eq!(out[0].value_px, 16.0);
        assert_eq!(out[0].bbox, Some(b));
        assert_eq!(out[0].spacing_type, SpacingType::Padding);
        assert_eq!(out[0].design_intent.as_deref(), Some("breathing room"));
        assert_eq!(out[1].value_px, 60.0);
        assert_eq!(out[1].confidence, 0.3);
        assert_eq!(out[1].context.as_deref(), Some("section (not measured)"));
    }
}
