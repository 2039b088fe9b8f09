//! The engine's settings that are numbers in a range, each a type checked in one place: its
//! constructor. Serde deserializes through the same check, so a value from a command, a settings
//! file or a flag either is in range or never becomes the type. The bounds are constants the app
//! exports to the UI, which shows the same limits.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::SpacingError;

/// An inclusive range of accepted values, as the UI receives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Type)]
pub struct Bounds<T> {
    pub min: T,
    pub max: T,
}

impl<T: PartialOrd + Copy> Bounds<T> {
    pub fn contains(&self, v: T) -> bool {
        self.min <= v && v <= self.max
    }
}

macro_rules! bounded_f64 {
    ($(#[$doc:meta])* $name:ident, $min:expr, $max:expr, $default:expr, $err:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize, Type)]
        #[serde(try_from = "f64", into = "f64")]
        pub struct $name(f64);

        impl $name {
            pub const BOUNDS: Bounds<f64> = Bounds { min: $min, max: $max };
            pub const DEFAULT: $name = $name($default);

            /// The value if the engine accepts it (NaN never is).
            pub fn new(v: f64) -> Result<Self, SpacingError> {
                if Self::BOUNDS.contains(v) {
                    Ok(Self(v))
                } else {
                    Err($err(v))
                }
            }

            /// The accepted value nearest `v` (the default for NaN): for values an earlier
            /// version saved without this check.
            pub fn nearest(v: f64) -> Self {
                if v.is_nan() {
                    Self::DEFAULT
                } else {
                    Self(v.clamp(Self::BOUNDS.min, Self::BOUNDS.max))
                }
            }

            pub fn get(self) -> f64 {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::DEFAULT
            }
        }

        impl TryFrom<f64> for $name {
            type Error = SpacingError;
            fn try_from(v: f64) -> Result<Self, SpacingError> {
                Self::new(v)
            }
        }

        impl From<$name> for f64 {
            fn from(v: $name) -> f64 {
                v.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = SpacingError;
            fn from_str(s: &str) -> Result<Self, SpacingError> {
                Self::new(s.trim().parse::<f64>().unwrap_or(f64::NAN))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

bounded_f64!(
    /// Values closer than this fraction of the smaller one merge into one token (0.1 = 10 %).
    /// 0 % to 99 %: at 100 % a value would merge with its own double. Earlier versions let
    /// settings and projects keep 1.0, which every rebuild then refused.
    MergeThreshold,
    0.0,
    0.99,
    0.1,
    SpacingError::Threshold
);

impl MergeThreshold {
    /// 0 %: values merge only within the ±1 px of measurement noise.
    pub const ZERO: MergeThreshold = MergeThreshold(0.0);
}

bounded_f64!(
    /// The root font size, in px, that rem values are relative to.
    RootPx,
    1.0,
    256.0,
    16.0,
    SpacingError::RootSize
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_100_percent_threshold_is_refused_at_the_type_not_at_the_first_rebuild() {
        // Regression: settings and the store accepted 1.0, the engine refused it, so every new
        // project's first rebuild failed with "merge threshold 1 must be between 0 and 1".
        assert_eq!(MergeThreshold::new(1.0), Err(SpacingError::Threshold(1.0)));
        assert!(serde_json::from_str::<MergeThreshold>("1.0").is_err());
        assert!("1".parse::<MergeThreshold>().is_err());
        // What such a version saved reads as the nearest threshold the engine takes.
        assert_eq!(MergeThreshold::nearest(1.0).get(), 0.99);
        assert_eq!(MergeThreshold::nearest(f64::NAN), MergeThreshold::DEFAULT);
    }

    #[test]
    fn both_ends_are_accepted_and_serde_goes_through_the_check() {
        for t in [0.0, 0.99] {
            assert_eq!(MergeThreshold::new(t).map(f64::from), Ok(t));
        }
        for r in [1.0, 256.0] {
            assert_eq!(RootPx::new(r).map(f64::from), Ok(r));
        }
        let t: MergeThreshold = serde_json::from_str("0.25").expect("in range");
        assert_eq!(serde_json::to_string(&t).expect("json"), "0.25");
        assert!(serde_json::from_str::<RootPx>("0.5").is_err());
        assert_eq!(
            RootPx::new(257.0).unwrap_err().to_string(),
            "root font size 257 px must be between 1 and 256"
        );
    }

    proptest! {
        #[test]
        fn a_threshold_is_accepted_exactly_within_its_bounds(v in -2.0f64..3.0) {
            prop_assert_eq!(MergeThreshold::new(v).is_ok(), (0.0..=0.99).contains(&v));
            prop_assert!(MergeThreshold::BOUNDS.contains(MergeThreshold::nearest(v).get()));
        }

        #[test]
        fn a_root_size_is_accepted_exactly_within_its_bounds(v in -10.0f64..300.0) {
            prop_assert_eq!(RootPx::new(v).is_ok(), (1.0..=256.0).contains(&v));
            prop_assert!(RootPx::BOUNDS.contains(RootPx::nearest(v).get()));
        }

        /// Why the threshold stops under 100 %: a value and its double stay two tokens at every
        /// threshold the type accepts (both over the 1 px of measurement noise).
        #[test]
        fn no_accepted_threshold_merges_a_value_with_its_double(
            t in 0.0f64..=0.99, quarter_px in 8u32..800,
        ) {
            let v = f64::from(quarter_px) / 4.0;
            let options = crate::AggregateOptions {
                threshold: MergeThreshold::new(t).expect("in range"),
                ..crate::AggregateOptions::default()
            };
            let m = |v| crate::Measurement::new(v, 0.9, crate::SpacingType::Gap).expect("valid");
            let library = crate::aggregate(&[vec![m(v), m(2.0 * v)]], &options).expect("aggregate");
            prop_assert_eq!(library.tokens.len(), 2);
        }
    }
}
