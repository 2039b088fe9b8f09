//! Pixel density: how many image pixels make one CSS pixel (2 on Retina screenshots, 3 on phones).

use serde::{Deserialize, Serialize};
use specta::Type;

/// CSS viewport widths of common devices and windows.
const CSS_WIDTHS: [u32; 20] = [
    320, 360, 375, 390, 393, 402, 412, 414, 428, 430, 440, 768, 800, 820, 834, 1024, 1280, 1366,
    1440, 1920,
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

/// What the image itself says about its density.
pub struct Cues<'a> {
    /// Thickness in px of every divider and outline border.
    pub line_widths: &'a [u32],
    /// The median font size of its text, in px (0 without text).
    pub body_font: f64,
    /// Lossy compression blurs and rings edges, so hairline thickness cannot be trusted.
    pub lossy: bool,
}

/// Body text sizes (CSS px) common in UIs; at 1× text larger than the top of this range is rare.
const BODY_FONT: std::ops::RangeInclusive<f64> = 10.0..=20.0;

/// Picks the density from what is known, in order of trust.
pub fn infer(
    user: Option<f64>,
    metadata: Option<f64>,
    width: u32,
    cues: &Cues,
) -> (f64, DensitySource) {
    if let Some(d) = user {
        return (d, DensitySource::User);
    }
    if let Some(d) = metadata {
        return (d, DensitySource::Metadata);
    }
    // A 1 CSS px border or divider is 1 image px at 1×: if the thinnest lines are that thin, the
    // screenshot is 1× whatever its size.
    let line_widths = cues.line_widths;
    let ones = line_widths.iter().filter(|&&w| w == 1).count();
    let twos_or_more = line_widths.iter().filter(|&&w| w >= 2).count();
    let hairlines_thick = !line_widths.is_empty() && ones * 10 <= twos_or_more;
    // Body text set at a usual size at this density, and too large for one at 1×.
    let text_says = |d: u32| {
        let f = cues.body_font;
        f > *BODY_FONT.end() && BODY_FONT.contains(&(f / f64::from(d)))
    };
    let hairlines_agree = hairlines_thick || line_widths.is_empty();
    for d in [3u32, 2] {
        let confirmed = if cues.lossy {
            hairlines_agree || text_says(d)
        } else {
            hairlines_agree
        };
        if width.is_multiple_of(d) && CSS_WIDTHS.contains(&(width / d)) && confirmed {
            return (f64::from(d), DensitySource::DeviceSize);
        }
    }
    if hairlines_thick && !cues.lossy {
        let min = line_widths.iter().copied().min().unwrap_or(1);
        if min >= 2
            && line_widths
                .iter()
                .filter(|&&w| w.is_multiple_of(min))
                .count()
                * 10
                >= line_widths.len() * 9
        {
            return (f64::from(min.min(3)), DensitySource::Measurements);
        }
    }
    (1.0, DensitySource::Default)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cues from a lossless image: only its hairlines.
    fn lines(widths: &[u32]) -> Cues<'_> {
        Cues {
            line_widths: widths,
            body_font: 0.0,
            lossy: false,
        }
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
    fn retina_size_with_two_px_hairlines_is_2x() {
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
    fn one_px_hairlines_mean_1x_even_at_a_retina_size() {
        assert_eq!(
            infer(None, None, 2560, &lines(&[1, 1, 1, 2])),
            (1.0, DensitySource::Default)
        );
    }

    #[test]
    fn thick_hairlines_alone_suggest_the_density() {
        assert_eq!(
            infer(None, None, 1000, &lines(&[2, 2, 2, 4])),
            (2.0, DensitySource::Measurements)
        );
        assert_eq!(
            infer(None, None, 1000, &lines(&[])),
            (1.0, DensitySource::Default)
        );
    }

    #[test]
    fn a_retina_jpeg_is_2x_by_its_text_when_blur_thins_its_hairlines() {
        // Regression: a 2560 px JPEG of a 1280 px page read as 1×, every value doubled, because JPEG
        // blur left 1 px hairlines; its 27 px body text is 13.7 CSS px at 2×.
        let blurred = [1, 1, 1, 2, 2, 3, 3, 3];
        let jpeg = |body_font| Cues {
            line_widths: &blurred,
            body_font,
            lossy: true,
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
        // A lossless image keeps trusting its hairlines.
        let png = Cues {
            lossy: false,
            ..jpeg(27.4)
        };
        assert_eq!(infer(None, None, 2560, &png), (1.0, DensitySource::Default));
    }
}
