use thiserror::Error;

/// Everything the spacing engine can refuse. Each message names the offending value so a designer
/// (or the CLI) can tell which measurement was wrong.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum SpacingError {
    #[error("spacing value {0} px is not a finite number")]
    NotFinite(f64),
    #[error("spacing value {0} px is negative")]
    Negative(f64),
    #[error("spacing value {value} px is larger than the {max} px limit")]
    TooLarge { value: f64, max: f64 },
    #[error("confidence {0} is outside 0..1")]
    Confidence(f64),
    #[error("merge threshold {0} must be between 0 and 1 (0 % to 99 %)")]
    Threshold(f64),
    #[error("root font size {0} px must be between 1 and 256")]
    RootSize(f64),
    #[error("image {image}, measurement {index}: {source}")]
    Measurement {
        image: usize,
        index: usize,
        #[source]
        source: Box<SpacingError>,
    },
}
