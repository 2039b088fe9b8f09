//! Properties that only make sense over a whole set of values: scale rank, rhythm, responsive
//! steps (the base unit is `grid`).

use crate::model::{ResponsiveScales, Rhythm, SpacingScale};

/// Scale names for every rank, tightest first, extending past `2xs`/`3xl` when a set has more steps.
/// The step nearest 16 px (in ratio) is `md`, so 5 px and 8 px systems both get sensible names.
pub fn assign_scale(sorted_values: &[f64]) -> Vec<(SpacingScale, String)> {
    let positive: Vec<usize> = (0..sorted_values.len())
        .filter(|&i| sorted_values[i] > 0.0)
        .collect();
    let anchor = positive
        .iter()
        .copied()
        .min_by(|&a, &b| {
            let da = (sorted_values[a] / 16.0).ln().abs();
            let db = (sorted_values[b] / 16.0).ln().abs();
            da.total_cmp(&db).then(b.cmp(&a))
        })
        .unwrap_or(0);
    sorted_values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            if v <= 0.0 {
                return (SpacingScale::None, "none".to_string());
            }
            let pos = 3 + i as i64 - anchor as i64; // index of `md` in STEPS is 3
            let scale = SpacingScale::STEPS[pos.clamp(0, 7) as usize];
            let name = if pos < 0 {
                format!("{}xs", 2 - pos)
            } else if pos > 7 {
                format!("{}xl", pos - 4)
            } else {
                scale.as_str().to_string()
            };
            (scale, name)
        })
        .collect()
}

/// The set's rhythm from the share of its occurrences that sit on the grid.
pub fn rhythm(grid_share: f64) -> Rhythm {
    if grid_share >= 0.9 {
        Rhythm::Consistent
    } else if grid_share >= 0.6 {
        Rhythm::Mixed
    } else {
        Rhythm::Irregular
    }
}

/// Suggested values per breakpoint. Screenshots are usually desktop captures, so the measured value
/// is the desktop value; phones get three quarters, wide screens a quarter more, snapped to the grid.
pub fn responsive(value: f64, unit: f64) -> ResponsiveScales {
    let fit = |f: f64| {
        if value <= 0.0 {
            return 0.0;
        }
        let scaled = value * f;
        if unit >= 1.0 {
            ((scaled / unit).round() * unit).max(unit)
        } else {
            scaled.round()
        }
    };
    ResponsiveScales {
        mobile: fit(0.75),
        tablet: value,
        desktop: value,
        widescreen: fit(1.25),
        rule: format!(
            "mobile ×0.75, tablet and desktop as measured, widescreen ×1.25, snapped to the {} px grid",
            fmt_px(unit)
        ),
    }
}

/// Formats a px value without a trailing `.0`.
pub fn fmt_px(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{}", (v * 100.0).round() / 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(values: &[f64]) -> Vec<String> {
        assign_scale(values).into_iter().map(|(_, n)| n).collect()
    }

    #[test]
    fn scale_ranks_anchor_md_at_the_step_nearest_16() {
        assert_eq!(
            names(&[4.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0]),
            ["2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"]
        );
        assert_eq!(
            names(&[8.0, 16.0, 24.0, 32.0, 48.0]),
            ["sm", "md", "lg", "xl", "2xl"]
        );
        assert_eq!(
            names(&[5.0, 10.0, 15.0, 20.0, 30.0]),
            ["xs", "sm", "md", "lg", "xl"]
        );
    }

    #[test]
    fn scale_names_extend_past_the_ends_and_zero_is_none() {
        let v = [
            0.0, 1.0, 2.0, 4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 32.0, 40.0, 48.0, 64.0, 96.0,
        ];
        let s = assign_scale(&v);
        let n: Vec<&str> = s.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            n,
            [
                "none", "4xs", "3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl",
                "5xl", "6xl"
            ]
        );
        assert_eq!(s[0].0, SpacingScale::None);
        assert_eq!(s[1].0, SpacingScale::Xxs, "clamped to the tightest step");
        assert_eq!(s[13].0, SpacingScale::Xxxl, "clamped to the widest step");
    }

    #[test]
    fn rhythm_thresholds() {
        assert_eq!(rhythm(0.95), Rhythm::Consistent);
        assert_eq!(rhythm(0.7), Rhythm::Mixed);
        assert_eq!(rhythm(0.2), Rhythm::Irregular);
    }

    #[test]
    fn responsive_values_snap_to_the_grid_and_never_vanish() {
        let r = responsive(16.0, 4.0);
        assert_eq!(
            (r.mobile, r.tablet, r.desktop, r.widescreen),
            (12.0, 16.0, 16.0, 20.0)
        );
        let small = responsive(4.0, 4.0);
        assert_eq!(small.mobile, 4.0, "never below one base unit");
        assert!(r.rule.contains("4 px grid"));
        assert_eq!(responsive(0.0, 4.0).mobile, 0.0);
    }

    #[test]
    fn fmt_px_drops_trailing_zeros() {
        assert_eq!(fmt_px(16.0), "16");
        assert_eq!(fmt_px(2.5), "2.5");
    }
}
