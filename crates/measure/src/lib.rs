//! The local extractor of Copy That: measures spacing from the pixels of a screenshot, offline, in
//! milliseconds. Decoding is safe (limits checked before allocation); measurements are in CSS px,
//! each with its box in image coordinates, a role, a context and a confidence.

pub mod blobs;
pub mod boxes;
pub mod components;
pub mod container;
pub mod context;
pub mod decode;
pub mod density;
pub mod elements;
pub mod error;
pub mod explain;
pub mod layout;
mod panels;
mod placed;
pub mod raster;
pub mod split;
pub mod text;

use std::path::Path;
use std::time::Instant;

use copy_that_spacing::{BBox, Measurement};
use serde::{Deserialize, Serialize};
use specta::Type;

pub use density::DensitySource;
pub use error::MeasureError;

/// Version of the measuring algorithm, recorded with every extraction.
pub const ALGORITHM_VERSION: &str = "local/1";

/// A density the user set: image pixels per CSS pixel, from 1× to Android's 3.5× (2.625, 2.75
/// and 3.5 included). Checked here only: every way a forced density arrives (`--dpr`, a test, a
/// caller) goes through [`Density::new`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Density(f64);

impl Density {
    /// The lowest density a user may set.
    pub const MIN: f64 = 1.0;
    /// The highest density a user may set.
    pub const MAX: f64 = 3.5;

    pub fn new(d: f64) -> Result<Self, MeasureError> {
        if (Self::MIN..=Self::MAX).contains(&d) {
            Ok(Density(d))
        } else {
            Err(MeasureError::Density(d))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

/// Pixel density to measure with: detected, or forced by the user.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Dpr {
    #[default]
    Auto,
    Fixed(Density),
}

impl Dpr {
    /// A forced density, checked.
    pub fn fixed(d: f64) -> Result<Self, MeasureError> {
        Density::new(d).map(Dpr::Fixed)
    }
}

impl std::str::FromStr for Dpr {
    type Err = MeasureError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "auto" {
            return Ok(Dpr::Auto);
        }
        // Any density screens use, Android's fractional ones (2.625, 2.75, 3.5) included.
        match s.parse::<f64>() {
            Ok(d) => Dpr::fixed(d),
            Err(_) => Err(MeasureError::Density(f64::NAN)),
        }
    }
}

/// What one image yielded.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct Extraction {
    pub width: u32,
    pub height: u32,
    /// Image pixels per CSS pixel used for every value.
    pub dpr: f64,
    pub dpr_source: DensitySource,
    /// Every measured spacing, in CSS px, with its box in image pixels.
    pub measurements: Vec<Measurement>,
    pub decode_ms: f64,
    pub measure_ms: f64,
}

/// Measures an image file.
pub fn extract_file(path: &Path, dpr: Dpr) -> Result<Extraction, MeasureError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| MeasureError::Io {
        path: name.clone(),
        source,
    })?;
    extract_bytes(&bytes, &name, dpr)
}

/// Measures an image held in memory. `name` is only used in error messages.
pub fn extract_bytes(bytes: &[u8], name: &str, dpr: Dpr) -> Result<Extraction, MeasureError> {
    let t0 = Instant::now();
    let decoded = decode::decode(bytes, name)?;
    let t1 = Instant::now();
    let mut e = measure(
        &decoded.raster,
        decoded.format.lossy(),
        decoded.metadata_density,
        dpr,
    );
    e.decode_ms = (t1 - t0).as_secs_f64() * 1000.0;
    Ok(e)
}

/// A distance in image pixels as CSS px. On 2× and 3× screens layout distances are whole CSS
/// pixels, and anti-aliased edges blend into the gap, adding up to an image pixel: so a part pixel is
/// rounded down unless it is nearly whole (17 image px at 2× is 8 CSS px, 26 at 3× is 9).
fn css_px(px: u32, dpr: f64) -> f64 {
    let v = f64::from(px) / dpr;
    if dpr >= 1.5 {
        (v + 0.34).floor()
    } else {
        v
    }
}

/// A distance between two text lines, one above the other, as CSS px. Neither end is a drawn edge:
/// both are line boxes computed from the ink (`text::line_box`), rounded to whole image pixels, so
/// no anti-aliased pixel blends into the gap and `css_px`'s rounding down only biases it low (a
/// 12 px margin read as 11 at 2× when the line boxes land on a half CSS pixel). The nearest whole
/// CSS pixel, as at 1×.
fn css_px_between_lines(px: u32, dpr: f64) -> f64 {
    (f64::from(px) / dpr).round()
}

/// Small frames holding only graphics, centred (the same inset above and below, left and right):
/// icon tiles and avatar rings. Their inset is the graphic's drawing, not a spacing of the layout. Keyed by
/// the frame's top-left corner.
fn icon_tiles(
    spans: &[elements::Span],
    max_side: u32,
    dpr: f64,
) -> std::collections::HashSet<(u32, u32)> {
    // Per frame (by its corner): the smallest inset found on each side (top, bottom, left, right).
    let mut sides: std::collections::HashMap<(u32, u32), [Option<u32>; 4]> =
        std::collections::HashMap::new();
    for s in spans {
        if s.relation != elements::Relation::Padding || !s.no_text {
            continue;
        }
        if s.container.w().max(s.container.h()) > max_side {
            continue;
        }
        let c = s.container;
        // Which side of the frame this span touches.
        let side = match s.axis {
            elements::Axis::Y if s.rect.y0 == c.y0 => 0,
            elements::Axis::Y => 1,
            elements::Axis::X if s.rect.x0 == c.x0 => 2,
            elements::Axis::X => 3,
        };
        let e = sides.entry((c.x0, c.y0)).or_insert([None; 4]);
        e[side] = Some(e[side].map_or(s.px, |p: u32| p.min(s.px)));
    }
    let slack = dpr.ceil() as u32;
    sides
        .into_iter()
        .filter(|(_, px)| match px {
            [Some(t), Some(b), Some(l), Some(r)] => {
                t.abs_diff(*b) <= slack && l.abs_diff(*r) <= slack
            }
            _ => false,
        })
        .map(|(k, _)| k)
        .collect()
}

/// Confidence of the padding above and below a line of text centred in a small control.
const CENTRED_LINE: f64 = 0.45;

/// The vertical paddings of single-line controls (chips, buttons, inputs, tabs): a box at most
/// `max_h` tall whose nearest content above and below is one and the same text line, as far from
/// the top as from the bottom (within a pixel per density step). A text line's estimated line box
/// may sit a pixel high or low, but the two sides share that error in opposite directions: seeing
/// them agree is the evidence that the line box is right and the control is padded symmetrically.
/// Returned as a flag per span.
fn centred_lines(spans: &[elements::Span], max_h: u32, dpr: f64) -> Vec<bool> {
    let slack = dpr.ceil() as u32;
    let is_top = |s: &elements::Span| s.rect.y0 == s.container.y0;
    let vertical_to_text = |s: &elements::Span| {
        s.relation == elements::Relation::Padding
            && s.axis == elements::Axis::Y
            && s.far == elements::ItemKind::Text
            && s.container.h() <= max_h
    };
    // The padding below each line, keyed by its box and the line's extent across.
    let key = |s: &elements::Span| (s.container, s.rect.x0, s.rect.x1);
    let mut below: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    for (j, s) in spans.iter().enumerate() {
        if vertical_to_text(s) && !is_top(s) {
            below.entry(key(s)).or_insert(j);
        }
    }
    let mut out = vec![false; spans.len()];
    for (i, top) in spans.iter().enumerate() {
        if !vertical_to_text(top) || !is_top(top) {
            continue;
        }
        if let Some(&j) = below.get(&key(top)) {
            if top.px.abs_diff(spans[j].px) <= slack {
                out[i] = true;
                out[j] = true;
            }
        }
    }
    out
}

/// One span as a measurement in CSS px, with its role, context and confidence. `centred`: the span
/// is the padding above or below a line centred in a small control (see `centred_lines`).
fn measurement(s: &elements::Span, dpr: f64, centred: bool) -> Measurement {
    let (spacing_type, ctx) = context::classify(s, dpr);
    let between_lines = s.axis == elements::Axis::Y
        && s.near == elements::ItemKind::Text
        && s.far == elements::ItemKind::Text;
    Measurement {
        value_px: if between_lines {
            css_px_between_lines(s.px, dpr)
        } else {
            css_px(s.px, dpr)
        },
        confidence: if centred {
            CENTRED_LINE
        } else {
            context::confidence(s)
        },
        spacing_type,
        context: Some(ctx.to_string()),
        bbox: Some(BBox {
            x: s.rect.x0,
            y: s.rect.y0,
            w: s.rect.w(),
            h: s.rect.h(),
        }),
        design_intent: None,
    }
}

/// Measures a decoded raster.
pub fn measure(
    raster: &raster::Raster,
    lossy: bool,
    metadata_density: Option<f64>,
    dpr: Dpr,
) -> Extraction {
    let t = Instant::now();
    // Lossy compression adds a few levels of noise to flat areas and rings around edges. Lossless
    // images have none: a white card on a near-white page (#fafafa, #f9fafb: 5 and 6 levels apart)
    // must stay a card.
    let tol = if lossy { 14 } else { 4 };
    let layout = layout::Analyser::run(raster, tol, lossy);
    let user = match dpr {
        Dpr::Auto => None,
        Dpr::Fixed(d) => Some(d.get()),
    };
    // The crisp-edge scan reads the whole image: only done when the density is not given.
    let (dpr, dpr_source) = density::given(user, metadata_density).unwrap_or_else(|| {
        let edges = density::phase::crisp_edges(raster, if lossy { tol } else { 2 });
        density::from_image(
            raster.width,
            &density::Cues {
                line_widths: &layout.line_widths,
                body_font: layout.body_font,
                lossy,
                edges: &edges,
                height: raster.height,
            },
        )
    });
    // Inside boxes smaller than this (checkboxes, radio buttons, icon frames) is a control's own
    // drawing, not layout.
    let min_container = (24.0 * dpr) as u32;
    // A small frame around graphics only (an icon tile, an avatar ring) centres its content: the
    // inset is the graphic's drawing, not a spacing of the layout.
    let icon_frame = (48.0 * dpr) as u32;
    let tiles = icon_tiles(&layout.spans, icon_frame, dpr);
    let centred = centred_lines(&layout.spans, (56.0 * dpr) as u32, dpr);
    let measurements = layout
        .spans
        .iter()
        .enumerate()
        .filter(|(_, s)| match s.relation {
            elements::Relation::Padding => {
                s.container.w().max(s.container.h()) >= min_container
                    && !tiles.contains(&(s.container.x0, s.container.y0))
            }
            // Icons and controls stacked in rows: the rows are spaced, not the icons.
            elements::Relation::Gap => {
                !(s.axis == elements::Axis::Y
                    && s.near == elements::ItemKind::Box
                    && s.far == elements::ItemKind::Box
                    && s.smaller_item < min_container)
            }
        })
        .map(|(i, s)| measurement(s, dpr, centred[i]))
        .collect();
    Extraction {
        width: raster.width,
        height: raster.height,
        dpr,
        dpr_source,
        measurements,
        decode_ms: 0.0,
        measure_ms: t.elapsed().as_secs_f64() * 1000.0,
    }
}

#[cfg(test)]
mod tests {
    use super::{css_px, css_px_between_lines, Density, Dpr};

    #[test]
    fn a_density_is_checked_once_at_its_type() {
        for ok in [Density::MIN, 2.0, 2.625, Density::MAX] {
            assert_eq!(Density::new(ok).map(Density::get).ok(), Some(ok));
        }
        for bad in [0.0, 0.99, 3.51, -2.0, f64::NAN, f64::INFINITY] {
            assert!(Density::new(bad).is_err(), "{bad}");
            assert!(Dpr::fixed(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_user_may_set_an_android_density_but_not_a_nonsense_one() {
        assert!(matches!("2.625".parse::<Dpr>(), Ok(Dpr::Fixed(d)) if d.get() == 2.625));
        assert_eq!("auto".parse::<Dpr>().ok(), Some(Dpr::Auto));
        for bad in ["4", "0", "-2", "nan", "inf", "two"] {
            assert!(bad.parse::<Dpr>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_half_pixel_between_two_text_lines_rounds_to_the_nearest() {
        // Regression: line boxes are computed, not drawn; 23 image px between two at 2× (11.5 CSS
        // px) read 11, a pixel under what the same page reads at 1×.
        assert_eq!(css_px_between_lines(23, 2.0), 12.0);
        assert_eq!(css_px_between_lines(22, 2.0), 11.0);
        assert_eq!(css_px_between_lines(34, 3.0), 11.0);
        assert_eq!(css_px_between_lines(35, 3.0), 12.0);
        assert_eq!(css_px_between_lines(12, 1.0), 12.0);
    }

    #[test]
    fn part_pixels_of_anti_aliased_edges_round_down_at_2x_and_3x() {
        assert_eq!(css_px(17, 2.0), 8.0);
        assert_eq!(css_px(16, 2.0), 8.0);
        assert_eq!(css_px(33, 2.0), 16.0);
        assert_eq!(css_px(26, 3.0), 9.0);
        assert_eq!(css_px(25, 3.0), 8.0);
        // At 1× a pixel is a CSS pixel: nothing to round.
        assert_eq!(css_px(17, 1.0), 17.0);
    }
}
