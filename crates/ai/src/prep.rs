//! Preparing an image for a vision model: downscaled to the provider's recommended size and
//! re-encoded, remembering the scale so the model's numbers map back to the original.

use base64::Engine;

use crate::error::AiError;

/// The image as sent, and how to map its pixels back.
pub struct Prepared {
    pub base64: String,
    pub media_type: &'static str,
    /// Original pixels per sent pixel (≥ 1).
    pub scale: f64,
}

/// Downscales so the long edge is at most `long_edge` px, and re-encodes as PNG (JPEG when the PNG
/// would exceed `max_bytes`).
pub fn prepare(bytes: &[u8], long_edge: u32, max_bytes: usize) -> Result<Prepared, AiError> {
    let img = image::load_from_memory(bytes).map_err(|e| AiError::Image(e.to_string()))?;
    let (w, h) = (img.width(), img.height());
    let long = w.max(h);
    let (img, scale) = if long > long_edge {
        let s = f64::from(long) / f64::from(long_edge);
        let (nw, nh) = (
            ((f64::from(w) / s).round() as u32).max(1),
            ((f64::from(h) / s).round() as u32).max(1),
        );
        (
            img.resize_exact(nw, nh, image::imageops::FilterType::Triangle),
            s,
        )
    } else {
        (img, 1.0)
    };
    let rgb = img.into_rgb8();
    let mut out = std::io::Cursor::new(Vec::new());
    rgb.write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| AiError::Image(e.to_string()))?;
    let mut data = out.into_inner();
    let mut media_type = "image/png";
    if data.len() > max_bytes {
        let mut out = std::io::Cursor::new(Vec::new());
        rgb.write_to(&mut out, image::ImageFormat::Jpeg)
            .map_err(|e| AiError::Image(e.to_string()))?;
        data = out.into_inner();
        media_type = "image/jpeg";
    }
    Ok(Prepared {
        base64: base64::engine::general_purpose::STANDARD.encode(&data),
        media_type,
        scale,
    })
}
