use thiserror::Error;

/// Why an image could not be measured. Messages are written for a designer.
#[derive(Debug, Error)]
pub enum MeasureError {
    #[error("could not read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0} is empty (0 bytes)")]
    Empty(String),
    #[error("{0} is not a PNG, JPEG or WebP image")]
    Unsupported(String),
    #[error("{name} is {width}×{height} px; images up to {max}×{max} px are supported")]
    TooLarge {
        name: String,
        width: u32,
        height: u32,
        max: u32,
    },
    #[error("{name} is {width}×{height} px ({megapixels} megapixels); images up to {max_megapixels} megapixels (such as 16384×8192 px) are supported")]
    TooManyPixels {
        name: String,
        width: u32,
        height: u32,
        megapixels: u64,
        max_megapixels: u64,
    },
    #[error("{name} is truncated: the file stops before the end of its {format} data (was it still downloading, or cut off when copied?)")]
    Truncated { name: String, format: &'static str },
    #[error("{name} is damaged or truncated: {detail}")]
    Corrupt { name: String, detail: String },
    #[error("pixel density {0} is not supported (use auto, or a density from 1 to 3.5 such as 2 or 2.625)")]
    Density(f64),
}
