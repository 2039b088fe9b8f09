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
/// would exceed `max_bytes`). Decoded by the local extractor's decoder, so the same formats, size
/// limits and truncation check apply as to a local measurement (this once decoded without limits).
pub fn prepare(bytes: &[u8], long_edge: u32, max_bytes: usize) -> Result<Prepared, AiError> {
    let (img, _) = copy_that_measure::decode::decode_image(bytes, "the image")
        .map_err(|e| AiError::Image(e.to_string()))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG signature and an IHDR claiming `width` × `height` grey pixels, then nothing.
    fn grey_png_header(width: u32, height: u32) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        out.extend(width.to_be_bytes());
        out.extend(height.to_be_bytes());
        out.extend([8, 0, 0, 0, 0, 0, 0, 0, 0]);
        out
    }

    #[test]
    fn prepare_applies_the_decoders_pixel_budget() {
        // image::load_from_memory had no limits: a 16000² grey PNG became a 1 GB buffer here too.
        let Err(AiError::Image(message)) = prepare(&grey_png_header(16_000, 16_000), 1568, 1 << 20)
        else {
            panic!("a 256-megapixel image was prepared");
        };
        assert!(message.contains("256 megapixels"), "{message}");
    }

    #[test]
    fn prepare_refuses_a_truncated_file() {
        let img = image::RgbImage::from_pixel(64, 64, image::Rgb([10, 20, 30]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Jpeg)
            .expect("jpeg");
        let jpeg = out.into_inner();
        let Err(AiError::Image(message)) = prepare(&jpeg[..jpeg.len() - 2], 1568, 1 << 20) else {
            panic!("a truncated JPEG was prepared");
        };
        assert!(message.contains("truncated"), "{message}");
        assert!(prepare(&jpeg, 1568, 1 << 20).is_ok());
    }
}
