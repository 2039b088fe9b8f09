//! The audit: the values of a library that do not sit well in its scale — off the base unit's
//! grid, or used only once or twice — each with where it was measured and the step it would snap
//! to. A designer cleaning a legacy product's spacing snaps each (a merge into that step) or keeps
//! it on purpose (`TokenEdit::Keep`, after which it is no longer listed). Values the images'
//! selection left out are listed too, and brought back the same two ways (`TokenEdit::Include`,
//! applied by [`included`] when the library is built).

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::aggregate::SpacingLibrary;
use crate::edits::TokenEdit;
use crate::grid::on_multiple;
use crate::model::{BBox, Measurement, SpacingToken};
use crate::select::{select_with_reasons, SelectOptions, Verdict};

/// A token used this many times or fewer is listed as rare.
pub const RARE_USES: u32 = 2;
/// How many places of each value are listed.
const PLACES: usize = 5;

/// Why a value is listed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum AuditReason {
    /// Not a multiple of the library's base unit.
    OffGrid,
    /// Measured only a few times.
    Rare,
}

/// One measured place of a listed value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AuditPlace {
    /// The image, by its position in the library's image list.
    pub image: u32,
    pub bbox: Option<BBox>,
}

/// A value the audit lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AuditItem {
    pub value_px: f64,
    pub name: String,
    pub reason: AuditReason,
    pub uses: u32,
    /// The scale step it would snap to: the nearest token on the grid that is not listed itself
    /// (the most used when two are as near); none when the scale has no such step.
    pub snap_to_px: Option<f64>,
    /// Where it was measured (the first few places).
    pub places: Vec<AuditPlace>,
}

/// Why a token is listed, on a library whose base unit is `unit`. Off the grid is stricter here than
/// a token's `is_grid_compliant` (within the ±1 px of measurement noise): the selection reports a
/// value a pixel off the grid as measured when its image never shows the multiple (a 30 px step of
/// a 5 px system read on 4 px is 30, not 28 or 32), so a designer reviewing the scale sees it with
/// the step it would snap to.
fn reason(t: &SpacingToken, unit: f64) -> Option<AuditReason> {
    if !t.is_grid_compliant || (unit > 0.0 && !on_multiple(t.value_px, unit)) {
        Some(AuditReason::OffGrid)
    } else if t.occurrence_count <= RARE_USES {
        Some(AuditReason::Rare)
    } else {
        None
    }
}

/// The library's tokens that make its clean scale: on the grid and used more than twice.
fn steps(library: &SpacingLibrary) -> Vec<&SpacingToken> {
    library
        .tokens
        .iter()
        .filter(|t| reason(t, library.statistics.base_unit).is_none())
        .collect()
}

/// The step a value would snap to: the nearest (the most used when two are as near).
fn nearest_step(steps: &[&SpacingToken], value: f64) -> Option<f64> {
    steps
        .iter()
        .min_by(|a, b| {
            let da = (a.value_px - value).abs();
            let db = (b.value_px - value).abs();
            da.total_cmp(&db)
                .then(b.occurrence_count.cmp(&a.occurrence_count))
        })
        .map(|s| s.value_px)
}

/// The library's values that did not make a clean scale, minus those kept on purpose.
pub fn audit(library: &SpacingLibrary, edits: &[TokenEdit]) -> Vec<AuditItem> {
    let kept = |v: f64| {
        edits
            .iter()
            .any(|e| matches!(e, TokenEdit::Keep { value_px } if (value_px - v).abs() < 0.5))
    };
    let steps = steps(library);
    library
        .tokens
        .iter()
        .filter(|t| !kept(t.value_px))
        .filter_map(|t| {
            let reason = reason(t, library.statistics.base_unit)?;
            let snap_to_px = nearest_step(&steps, t.value_px);
            Some(AuditItem {
                value_px: t.value_px,
                name: t.name.clone(),
                reason,
                uses: t.occurrence_count,
                snap_to_px,
                places: t
                    .occurrences
                    .iter()
                    .take(PLACES)
                    .map(|o| AuditPlace {
                        image: o.image,
                        bbox: o.bbox,
                    })
                    .collect(),
            })
        })
        .collect()
}

/// A value an image's selection left out of the library (measured with confidence, but off that
/// image's grid or seen too seldom), over all the images.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LeftOut {
    /// To the half pixel.
    pub value_px: f64,
    /// Off the grid when any image left it out for that; rare otherwise.
    pub reason: AuditReason,
    pub count: u32,
    /// The library's step it would snap to (as [`AuditItem::snap_to_px`]).
    pub snap_to_px: Option<f64>,
    pub places: Vec<AuditPlace>,
}

/// How many left-out values are listed, most measured first.
const MAX_LEFT_OUT: usize = 40;

/// A left-out value's key: its value to the half pixel, in half pixels.
fn half_px(value: f64) -> i64 {
    (value * 2.0).round() as i64
}

/// Each image's measurements its selection left out (off its grid, too rare), with the reason.
fn dropped(raw: &[Measurement]) -> impl Iterator<Item = (&Measurement, AuditReason)> {
    let selection = select_with_reasons(raw, &SelectOptions::default());
    raw.iter()
        .zip(selection.verdicts)
        .filter_map(|(m, verdict)| match verdict {
            Verdict::OffGrid => Some((m, AuditReason::OffGrid)),
            Verdict::TooRare => Some((m, AuditReason::Rare)),
            Verdict::Kept | Verdict::Unsure => None,
        })
}

/// The left-out values brought back by `TokenEdit::Include`, by key, with the step they join.
fn includes(edits: &[TokenEdit]) -> std::collections::HashMap<i64, Option<f64>> {
    edits
        .iter()
        .filter_map(|e| match e {
            TokenEdit::Include { value_px, into_px } => Some((half_px(*value_px), *into_px)),
            _ => None,
        })
        .collect()
}

/// What `TokenEdit::Include` adds to each image's library values (one slice of raw measurements
/// per image, in the library's image order): the measurements its selection left out at an
/// included value, at the step they snap to, or at their own value (to the half pixel).
pub fn included<M: AsRef<[Measurement]>>(
    images: &[M],
    edits: &[TokenEdit],
) -> Vec<Vec<Measurement>> {
    let wanted = includes(edits);
    images
        .iter()
        .map(|raw| {
            if wanted.is_empty() {
                return Vec::new();
            }
            dropped(raw.as_ref())
                .filter_map(|(m, _)| {
                    let key = half_px(m.value_px);
                    let into = wanted.get(&key)?;
                    Some(Measurement {
                        value_px: into.unwrap_or(key as f64 / 2.0),
                        ..m.clone()
                    })
                })
                .collect()
        })
        .collect()
}

/// The values each image's selection left out, grouped by value across the images (one slice of
/// raw measurements per image, in the library's image order), minus those brought back
/// (`TokenEdit::Include`), each with the library's step it would snap to.
pub fn left_out<M: AsRef<[Measurement]>>(
    images: &[M],
    library: &SpacingLibrary,
    edits: &[TokenEdit],
) -> Vec<LeftOut> {
    let back = includes(edits);
    let steps = steps(library);
    let mut by_value: std::collections::BTreeMap<i64, LeftOut> = Default::default();
    for (i, raw) in images.iter().enumerate() {
        for (m, reason) in dropped(raw.as_ref()) {
            let key = half_px(m.value_px);
            if back.contains_key(&key) {
                continue;
            }
            let entry = by_value.entry(key).or_insert_with(|| LeftOut {
                value_px: key as f64 / 2.0,
                reason,
                count: 0,
                snap_to_px: nearest_step(&steps, key as f64 / 2.0),
                places: Vec::new(),
            });
            entry.count += 1;
            if reason == AuditReason::OffGrid {
                entry.reason = AuditReason::OffGrid;
            }
            if entry.places.len() < PLACES {
                entry.places.push(AuditPlace {
                    image: i as u32,
                    bbox: m.bbox,
                });
            }
        }
    }
    let mut out: Vec<LeftOut> = by_value.into_values().collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.value_px.total_cmp(&b.value_px))
    });
    out.truncate(MAX_LEFT_OUT);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{aggregate, AggregateOptions};
    use crate::edits::apply_edit;
    use crate::model::{Measurement, SpacingType};

    fn library(values: &[(f64, usize)]) -> SpacingLibrary {
        let image: Vec<Measurement> = values
            .iter()
            .flat_map(|&(v, n)| std::iter::repeat_n(v, n))
            .map(|v| Measurement::new(v, 0.95, SpacingType::Padding).expect("valid"))
            .collect();
        aggregate(&[image], &AggregateOptions::default()).expect("library")
    }

    #[test]
    fn an_off_grid_value_is_listed_with_the_step_it_snaps_to_and_a_merge_snaps_it() {
        let mut lib = library(&[(8.0, 20), (16.0, 20), (24.0, 20), (14.0, 12)]);
        // 14 px is two pixels off both 4 and 8 px grids; 8, 16 and 24 make it an 8 px system.
        assert_eq!(lib.statistics.base_unit, 8.0, "{:?}", lib.statistics);
        let items = audit(&lib, &[]);
        let item = items
            .iter()
            .find(|i| i.value_px == 14.0)
            .unwrap_or_else(|| panic!("14 px listed: {items:?}"));
        assert_eq!(item.reason, AuditReason::OffGrid);
        assert_eq!(item.snap_to_px, Some(16.0));
        assert!(!item.places.is_empty());
        let snap = TokenEdit::Merge {
            value_px: 14.0,
            into_px: 16.0,
        };
        apply_edit(&mut lib, &snap, 0.1).expect("snap");
        assert!(audit(&lib, &[snap]).iter().all(|i| i.value_px != 14.0));
    }

    #[test]
    fn a_common_value_a_pixel_off_the_grid_is_listed_too() {
        // The selection reports 25 px as measured when its image never shows 24 (see
        // `select::reported`): within the ±1 px of noise the token counts as on the grid, and used
        // twelve times it is not rare, but a designer reviewing a 4 px scale should still see it.
        let lib = library(&[(12.0, 20), (20.0, 20), (32.0, 20), (25.0, 12)]);
        assert_eq!(lib.statistics.base_unit, 4.0, "{:?}", lib.statistics);
        let items = audit(&lib, &[]);
        let item = items
            .iter()
            .find(|i| i.value_px == 25.0)
            .unwrap_or_else(|| panic!("25 px listed: {items:?}"));
        assert_eq!(item.reason, AuditReason::OffGrid);
        assert_eq!(item.snap_to_px, Some(20.0));
        assert!(items
            .iter()
            .all(|i| [12.0, 20.0, 32.0].iter().all(|&v| i.value_px != v)));
    }

    #[test]
    fn a_value_kept_on_purpose_is_no_longer_listed() {
        let mut lib = library(&[(8.0, 20), (16.0, 20), (14.0, 12)]);
        assert!(audit(&lib, &[]).iter().any(|i| i.value_px == 14.0));
        let keep = TokenEdit::Keep { value_px: 14.0 };
        apply_edit(&mut lib, &keep, 0.1).expect("keep");
        assert!(
            lib.tokens.iter().any(|t| t.value_px == 14.0),
            "keeping changes nothing"
        );
        assert!(audit(&lib, &[keep]).iter().all(|i| i.value_px != 14.0));
    }

    #[test]
    fn a_value_an_image_left_out_as_off_grid_is_listed_with_its_places() {
        let mut image: Vec<Measurement> = Vec::new();
        for (v, n) in [(8.0, 40), (16.0, 40), (24.0, 40), (14.0, 12)] {
            for k in 0..n {
                let mut m = Measurement::new(v, 0.95, SpacingType::Gap).expect("valid");
                m.bbox = Some(BBox {
                    x: k * 10,
                    y: 5,
                    w: v as u32,
                    h: 10,
                });
                image.push(m);
            }
        }
        let selection = select_with_reasons(&image, &SelectOptions::default());
        assert!(
            selection.kept.iter().all(|m| m.value_px != 14.0),
            "the selection drops 14"
        );
        let lib = aggregate(
            std::slice::from_ref(&selection.kept),
            &AggregateOptions::default(),
        )
        .expect("library");
        let out = left_out(&[image], &lib, &[]);
        let v = out
            .iter()
            .find(|o| o.value_px == 14.0)
            .expect("14 px listed");
        assert_eq!((v.reason, v.count), (AuditReason::OffGrid, 12));
        assert_eq!(v.places.len(), 5);
        assert_eq!(v.places[0].image, 0);
        assert_eq!(v.snap_to_px, Some(16.0));
    }

    #[test]
    fn a_left_out_value_snapped_or_kept_joins_the_library_and_leaves_the_list() {
        // Regression: the audit listed values the selection left out but offered no way to snap
        // them or keep them; only the library's own tokens could be.
        let mut image: Vec<Measurement> = Vec::new();
        for (v, n) in [(8.0, 40), (16.0, 40), (24.0, 40), (14.0, 12)] {
            image.extend(std::iter::repeat_n(
                Measurement::new(v, 0.95, SpacingType::Gap).expect("valid"),
                n,
            ));
        }
        let kept = select_with_reasons(&image, &SelectOptions::default()).kept;
        let library_with = |edit: &TokenEdit| {
            let extra = included(&[&image], std::slice::from_ref(edit));
            let values: Vec<Measurement> = kept.iter().chain(&extra[0]).cloned().collect();
            aggregate(&[values], &AggregateOptions::default()).expect("library")
        };
        let before =
            aggregate(std::slice::from_ref(&kept), &AggregateOptions::default()).expect("library");
        let uses = |lib: &SpacingLibrary, v: f64| {
            lib.tokens
                .iter()
                .find(|t| t.value_px == v)
                .map(|t| t.occurrence_count)
        };

        let snap = TokenEdit::Include {
            value_px: 14.0,
            into_px: Some(16.0),
        };
        let snapped = library_with(&snap);
        assert_eq!(uses(&snapped, 16.0), uses(&before, 16.0).map(|n| n + 12));
        assert_eq!(uses(&snapped, 14.0), None);
        assert!(left_out(&[&image], &snapped, &[snap])
            .iter()
            .all(|l| l.value_px != 14.0));

        let own = TokenEdit::Include {
            value_px: 14.0,
            into_px: None,
        };
        let kept_own = library_with(&own);
        assert_eq!(uses(&kept_own, 14.0), Some(12));
        assert!(left_out(&[&image], &kept_own, &[own])
            .iter()
            .all(|l| l.value_px != 14.0));
    }

    #[test]
    fn on_grid_values_used_often_are_not_listed() {
        let lib = library(&[(8.0, 20), (16.0, 20), (24.0, 20)]);
        assert!(audit(&lib, &[]).is_empty());
    }
}
