//! Pixel density: how many image pixels make one CSS pixel (2 on Retina screenshots, 3 on phones).

use serde::{Deserialize, Serialize};
use specta::Type;

/// CSS viewport widths of common devices and windows.
const CSS_WIDTHS: [u32; 24] = [
    320, 360, 375, 390, 393, 402, 412, 414, 428, 430, 440, 768, 800, 820, 834, 1024, 1280, 1366,
    1440, 1512, 1536, 1680, 1728, 1920,
];

/// Where the density used for a screenshot came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum DensitySource {
    /// Set by the user.
    User,
    /// The file's metadata (PNG pHYs, JPEG JFIF density).
    Metadata,
    /// A known device size at that density, confirmed by the thinnest lines in the image.
    DeviceSize,
    /// Only the measurements: hairlines 2 or 3 px thick.
    Measurements,
    /// Nothing suggested otherwise.
    Default,
}

impl DensitySource {
    /// The name it is serialized and stored under.
    pub fn as_str(self) -> &'static str {
        match self {
            DensitySource::User => "user",
            DensitySource::Metadata => "metadata",
            DensitySource::DeviceSize => "device-size",
            DensitySource::Measurements => "measurements",
            DensitySource::Default => "default",
        }
    }
}

pub mod phase;

/// What the image itself says about its density.
pub struct Cues<'a> {
    /// Thickness in px of every divider and outline border.
    pub line_widths: &'a [u32],
    /// The median font size of its text, in px (0 without text).
    pub body_font: f64,
    /// Lossy compression blurs and rings edges, so hairline thickness cannot be trusted.
    pub lossy: bool,
    /// The crisp box edges of the image (see [`phase`]).
    pub edges: &'a phase::Edges,
    /// The image's height in px: phone screenshots are portrait.
    pub height: u32,
}

/// Typical text sizes (CSS px) of a UI page, read as the font most of its text is set in (see
/// `text::line_box::line_heights`), so on pages of little body text headings and leads pull it
/// up: frameworks that grow the root font on wide viewports set body text at 20 px and leads at
/// 1.2 rem. At 1× a body font above this range is rare.
const BODY_FONT: std::ops::RangeInclusive<f64> = 10.0..=24.0;

/// Widest CSS viewport of a phone.
const PHONE_MAX_CSS: f64 = 440.5;
/// Text sizes (CSS px) that fit a phone screenshot at its density: looser than [`BODY_FONT`]
/// because phones have no 1× rival to tell apart (no common window is a phone's width times its
/// density wide and portrait), and a phone's landing page is mostly headings. On a phone's size
/// only the lower end counts (see `from_image`).
const PHONE_FONT: std::ops::RangeInclusive<f64> = 9.0..=32.0;

/// Densities screenshots are taken at beyond 1×: phones at 3×, Android's 2.625, Retina at 2×.
const DENSITIES: [f64; 3] = [3.0, 2.625, 2.0];
/// Crisp edges needed along each axis before their lattice is evidence.
const MIN_EDGES: usize = 8;
/// Edges on each axis the lattice needs to decide alone at a width that is no device's.
const OFF_DEVICE_EDGES: usize = 3 * MIN_EDGES;
/// Lattice lift that decides alone: chance gives 0, a render at that density about 0.9.
const LATTICE_ALONE: f64 = 0.6;
/// Lattice lift that confirms a known device size.
const LATTICE_CONFIRMS: f64 = 0.3;

/// Whether `width` is a common CSS viewport width drawn at density `d` (within the half pixel a
/// fractional density rounds to).
fn device_width(width: u32, d: f64) -> bool {
    let css = f64::from(width) / d;
    CSS_WIDTHS
        .iter()
        .any(|&w| (css - f64::from(w)).abs() <= 0.5)
}

/// Picks the density from what is known, in order of trust: the user, the file's metadata, then
/// the image's own evidence (the lattice its crisp edges sit on, a device size, hairlines, text).
pub fn infer(
    user: Option<f64>,
    metadata: Option<f64>,
    width: u32,
    cues: &Cues,
) -> (f64, DensitySource) {
    given(user, metadata).unwrap_or_else(|| from_image(width, cues))
}

/// The density the user or the file's metadata states, which the image's evidence never overrules.
pub fn given(user: Option<f64>, metadata: Option<f64>) -> Option<(f64, DensitySource)> {
    user.map(|d| (d, DensitySource::User))
        .or_else(|| metadata.map(|d| (d, DensitySource::Metadata)))
}

/// The density the image's own evidence points to, when none is given.
pub fn from_image(width: u32, cues: &Cues) -> (f64, DensitySource) {
    let lifts: Vec<(f64, f64)> = DENSITIES
        .iter()
        .map(|&d| (d, phase::lift(cues.edges, d, MIN_EDGES)))
        .collect();
    // A 1 CSS px border or divider is 1 image px at 1×: if the thinnest lines are that thin, the
    // screenshot is 1× whatever its size.
    let line_widths = cues.line_widths;
    let ones = line_widths.iter().filter(|&&w| w == 1).count();
    let twos_or_more = line_widths.iter().filter(|&&w| w >= 2).count();
    let hairlines_thick = !line_widths.is_empty() && ones * 10 <= twos_or_more;
    // Body text too large for 1×, and at a usual size at this density: up to a lead paragraph's
    // (a login page's text at 2560 × 1600 reads 26 CSS px at 2×, and 52 at the 1× it was given).
    let text_says = |d: f64| {
        let f = cues.body_font;
        f > *BODY_FONT.end() && (*BODY_FONT.start()..=*PHONE_FONT.end()).contains(&(f / d))
    };
    // The lattice decides when it is clear; the best-fitting density wins (a 3× render's edges
    // are not on the 2× lattice, and the reverse).
    // Off a device size the lattice needs more edges to decide alone: a 1× page built wholly on
    // an 8 px grid (a skeleton loader's grey bars, no text) has a few dozen edges, all even.
    let many_edges = cues.edges.x.len().min(cues.edges.y.len()) >= OFF_DEVICE_EDGES;
    if let Some(&(d, _)) = lifts
        .iter()
        .filter(|(d, l)| *l >= LATTICE_ALONE && (many_edges || device_width(width, *d)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
    {
        let source = if device_width(width, d) {
            DensitySource::DeviceSize
        } else {
            DensitySource::Measurements
        };
        return (d, source);
    }
    for &(d, lift) in &lifts {
        if !device_width(width, d) {
            continue;
        }
        // A phone's screenshot is portrait. (Its hairlines say little: sub-pixel borders and
        // anti-aliasing draw 1 px lines on real 3× renders.)
        let phone = f64::from(width) / d <= PHONE_MAX_CSS && cues.height > width;
        // Text not too small for this density (or no text to judge by). Large text is no
        // argument against it: 1×, its only rival on a phone's size, has text larger still (a
        // phone's page of display type with shadows reads 37 CSS px at 2.625, 97 px at 1×).
        let text_fits = cues.body_font <= 0.0 || cues.body_font / d >= *PHONE_FONT.start();
        // A device size is confirmed by the lattice of its edges; by body text too large for 1×;
        // by thick hairlines when the image has neither; and a phone's size (a 1170 px wide
        // screenshot is an iPhone's, not a 1× window) by text that fits it.
        // (`lift` is 0 when there are too few edges to say.)
        let confirmed = lift >= LATTICE_CONFIRMS
            || text_says(d)
            || (phone && text_fits)
            || (cues.body_font <= 0.0
                && !cues.lossy
                && (hairlines_thick || line_widths.is_empty()));
        if confirmed {
            return (d, DensitySource::DeviceSize);
        }
    }
    (1.0, DensitySource::Default)
}

#[cfg(test)]
mod tests {
    use super::phase::Edges;
    use super::*;

    static NO_EDGES: Edges = Edges {
        x: Vec::new(),
        y: Vec::new(),
    };

    /// Cues from a lossless image without crisp edges: only its hairlines.
    fn lines(widths: &[u32]) -> Cues<'_> {
        Cues {
            line_widths: widths,
            body_font: 0.0,
            lossy: false,
            edges: &NO_EDGES,
            height: 2532,
        }
    }

    /// `n` edge positions `step` px apart, from a position on every lattice.
    fn edges(step: u32, n: u32) -> Edges {
        let p: Vec<u32> = (0..n).map(|i| 12 + i * step).collect();
        Edges { x: p.clone(), y: p }
    }

    #[test]
    fn names_are_the_serialized_ones() {
        for s in [
            DensitySource::User,
            DensitySource::Metadata,
            DensitySource::DeviceSize,
            DensitySource::Measurements,
            DensitySource::Default,
        ] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }

    #[test]
    fn user_and_metadata_win() {
        assert_eq!(
            infer(Some(3.0), Some(2.0), 1280, &lines(&[1])),
            (3.0, DensitySource::User)
        );
        assert_eq!(
            infer(None, Some(2.0), 1280, &lines(&[1])),
            (2.0, DensitySource::Metadata)
        );
    }

    #[test]
    fn retina_size_with_two_px_hairlines_and_no_crisp_edges_is_2x() {
        assert_eq!(
            infer(None, None, 2560, &lines(&[2, 2, 4])),
            (2.0, DensitySource::DeviceSize)
        );
        assert_eq!(
            infer(None, None, 1170, &lines(&[3, 3])),
            (3.0, DensitySource::DeviceSize)
        );
    }

    #[test]
    fn one_px_hairlines_mean_1x_at_a_retina_size_without_other_evidence() {
        assert_eq!(
            infer(None, None, 2560, &lines(&[1, 1, 1, 2])),
            (1.0, DensitySource::Default)
        );
    }

    #[test]
    fn a_2x_lattice_decides_at_any_width() {
        let even = edges(2, 40);
        let cues = Cues {
            edges: &even,
            ..lines(&[1, 1])
        };
        assert_eq!(
            infer(None, None, 1000, &cues),
            (2.0, DensitySource::Measurements)
        );
        assert_eq!(
            infer(None, None, 2880, &cues),
            (2.0, DensitySource::DeviceSize)
        );
    }

    #[test]
    fn a_1x_skeleton_page_on_an_8px_grid_is_1x() {
        // Regression (Meraki UI's skeleton loader at 1440 x 900): grey bars and tiles on an 8 px
        // grid, no text; its 8 and 15 crisp edges were all even, and the lattice said 2x alone at
        // a width no 2x device has.
        let even = edges(8, 15);
        let cues = Cues {
            edges: &even,
            height: 900,
            ..lines(&[])
        };
        assert_eq!(infer(None, None, 1440, &cues).0, 1.0);
        // At a Retina size the same few edges still confirm 2x.
        assert_eq!(infer(None, None, 2880, &cues).0, 2.0);
    }

    #[test]
    fn a_1x_page_with_edges_everywhere_is_1x_even_at_a_device_width() {
        // Regression: plain 1× desktop pages were read as 2× or 3× "from measurements".
        let any = edges(1, 60);
        let cues = Cues {
            edges: &any,
            ..lines(&[2, 2, 2, 4])
        };
        assert_eq!(
            infer(None, None, 1280, &cues),
            (1.0, DensitySource::Default)
        );
        // The same evidence on a landscape image of an iPhone's width: no phone.
        let landscape = Cues {
            edges: &any,
            height: 800,
            ..lines(&[1, 1, 1, 2])
        };
        assert_eq!(
            infer(None, None, 1170, &landscape),
            (1.0, DensitySource::Default)
        );
    }

    #[test]
    fn an_iphone_shot_without_metadata_is_3x_by_its_lattice() {
        // Regression: a 1170×2532 screenshot (390×844 at 3×) was measured at 1×: every value tripled.
        let thirds = edges(3, 50);
        let cues = Cues {
            edges: &thirds,
            ..lines(&[1, 1, 1])
        };
        assert_eq!(
            infer(None, None, 1170, &cues),
            (3.0, DensitySource::DeviceSize)
        );
    }

    #[test]
    fn an_android_shot_is_2_625x() {
        let p: Vec<u32> = (0..60u32)
            .map(|k| (f64::from(k * 7) * 2.625).round() as u32)
            .collect();
        let lattice = Edges { x: p.clone(), y: p };
        let cues = Cues {
            edges: &lattice,
            ..lines(&[])
        };
        assert_eq!(
            infer(None, None, 1082, &cues),
            (2.625, DensitySource::DeviceSize)
        );
    }

    #[test]
    fn a_landscape_drawing_320_css_px_wide_at_2x_is_no_phone() {
        // Regression: a 640×300 drawing was read as a 320 px phone at 2×.
        let cues = Cues {
            height: 300,
            ..lines(&[1, 1, 1])
        };
        assert_eq!(infer(None, None, 640, &cues), (1.0, DensitySource::Default));
    }

    #[test]
    fn a_retina_jpeg_is_2x_by_its_text_when_blur_hides_its_edges() {
        // Regression: a 2560 px JPEG of a 1280 px page read as 1×, every value doubled, because JPEG
        // blur left 1 px hairlines; its 27 px body text is 13.7 CSS px at 2×.
        let blurred = [1, 1, 1, 2, 2, 3, 3, 3];
        let jpeg = |body_font| Cues {
            line_widths: &blurred,
            body_font,
            lossy: true,
            edges: &NO_EDGES,
            height: 1600,
        };
        assert_eq!(
            infer(None, None, 2560, &jpeg(27.4)),
            (2.0, DensitySource::DeviceSize)
        );
        // The same hairlines and 15 px text: a 1× capture of a wide display.
        assert_eq!(
            infer(None, None, 2560, &jpeg(15.0)),
            (1.0, DensitySource::Default)
        );
    }

    #[test]
    fn a_retina_page_with_20px_body_text_is_2x_without_crisp_edges() {
        // Regression: a 2880×1800 page whose body text is 20 CSS px (41 px ink-read) read as 1×,
        // because 20.5 px was past the top of the body-text range, and its soft edges sat on no
        // lattice. Its 1 px hairlines (sub-pixel borders drawn at 2×) say nothing either way.
        let cues = Cues {
            body_font: 41.1,
            height: 1800,
            ..lines(&[1, 1, 2, 2, 1, 1, 2, 2])
        };
        assert_eq!(
            infer(None, None, 2880, &cues),
            (2.0, DensitySource::DeviceSize)
        );
        // The same text in a 1280 px window (no device is 640 CSS px wide): a 1× page of big type.
        assert_eq!(
            infer(None, None, 1280, &cues),
            (1.0, DensitySource::Default)
        );
    }

    #[test]
    fn a_retina_login_page_of_large_text_is_2x() {
        // Regression (Mazer's sign-up page at 2560 x 1600): a heading, a 20 px lead and four
        // fields, so the median line reads 52 px, 26 CSS px at 2x, past the body-text range; too
        // few crisp edges for the lattice. It read as 1x, where 52 px text is far less likely.
        let cues = Cues {
            body_font: 52.1,
            height: 1600,
            ..lines(&[2, 2, 2, 2])
        };
        assert_eq!(
            infer(None, None, 2560, &cues),
            (2.0, DensitySource::DeviceSize)
        );
        // Text that would still be huge at 2x is no evidence for it.
        let huge = Cues {
            body_font: 70.0,
            ..cues
        };
        assert_eq!(infer(None, None, 2560, &huge).0, 1.0);
    }

    #[test]
    fn a_heading_heavy_iphone_shot_without_metadata_is_3x() {
        // Regression: a 1170×2532 landing page (390×844 at 3×) whose median line is a heading
        // (74 px ink-read, 24.7 CSS px) was measured at 1×, every value tripled: its text was
        // "too big" for a phone at 3×, and a 74 px median is absurd at 1×.
        let cues = Cues {
            body_font: 74.0,
            height: 2532,
            ..lines(&[1, 1, 3, 3, 1])
        };
        assert_eq!(
            infer(None, None, 1170, &cues),
            (3.0, DensitySource::DeviceSize)
        );
        // Text larger than any phone's at 3× is larger still at 1×, its only rival.
        let huge = Cues {
            body_font: 110.0,
            ..cues
        };
        assert_eq!(infer(None, None, 1170, &huge).0, 3.0);
        // Small text on a phone-sized portrait image is a 1× drawing, not a 3× phone.
        let small = Cues {
            body_font: 14.0,
            ..cues
        };
        assert_eq!(
            infer(None, None, 1170, &small),
            (1.0, DensitySource::Default)
        );
    }
}
