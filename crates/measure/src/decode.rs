//! Safe decoding: only PNG, JPEG and WebP, with dimension and allocation limits checked against the
//! header before any pixel buffer is allocated.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader, Limits};

pub use crate::container::Format;
use crate::container::{self, png_chunks, read_u32_be};
use crate::error::MeasureError;
use crate::raster::Raster;

/// Largest width or height accepted (a 16k display is 15360 px wide).
pub const MAX_DIMENSION: u32 = 16_384;
/// Largest decoder allocation: a 16384 × 8192 RGBA image.
pub const MAX_ALLOC_BYTES: u64 = 512 * 1024 * 1024;
/// Largest raster built from a decoded image, at 4 bytes a pixel whatever the file's colour type: a
/// 16384 × 8192 image. The decoder's own limit counts the file's pixels (1 byte each in a greyscale
/// PNG), so it alone let a 279 KB 16000 × 16000 grey PNG through to a 1 GB raster. With the decoded
/// buffer (at most the same size) held while the raster is built, one image peaks at 1 GB.
pub const MAX_RASTER_BYTES: u64 = 512 * 1024 * 1024;

/// A decoded image and what its file says about its pixel density.
pub struct Decoded {
    pub raster: Raster,
    pub format: Format,
    /// Pixels per CSS inch from the file's metadata divided by 96 (PNG pHYs, JPEG JFIF), when stated.
    pub metadata_density: Option<f64>,
}

/// Decodes image bytes into a raster. `name` is only used in error messages.
pub fn decode(bytes: &[u8], name: &str) -> Result<Decoded, MeasureError> {
    let (image, format) = decode_image(bytes, name)?;
    Ok(Decoded {
        raster: Raster::from_image(image),
        format,
        metadata_density: match format {
            Format::Png => png_density(bytes),
            Format::Jpeg => jfif_density(bytes),
            Format::WebP => None,
        },
    })
}

/// Decodes image bytes in the file's own colour type, after every check that needs no pixels: the
/// format, the header's size against [`MAX_DIMENSION`] and [`MAX_RASTER_BYTES`], and whether the
/// file is whole. Whatever else decodes a user's image (the AI's downscale) goes through here, so
/// the same limits apply everywhere. `name` is only used in error messages.
pub fn decode_image(bytes: &[u8], name: &str) -> Result<(DynamicImage, Format), MeasureError> {
    if bytes.is_empty() {
        return Err(MeasureError::Empty(name.to_string()));
    }
    let format = Format::sniff(bytes).ok_or_else(|| MeasureError::Unsupported(name.to_string()))?;
    let image_format = match format {
        Format::Png => ImageFormat::Png,
        Format::Jpeg => ImageFormat::Jpeg,
        Format::WebP => ImageFormat::WebP,
    };
    let corrupt = |e: image::ImageError| MeasureError::Corrupt {
        name: name.to_string(),
        detail: e.to_string(),
    };
    let truncated = || MeasureError::Truncated {
        name: name.to_string(),
        format: format.name(),
    };
    // Read the header first: a file claiming 100000 × 100000 px is refused before allocating. A
    // header the decoder cannot read in a file cut short is the cut, not damage: said as such
    // (it was "damaged or truncated: unexpected end of file" for a PNG cut in its IHDR).
    let (width, height) = match png_dimensions(bytes) {
        Some(d) if format == Format::Png => d,
        _ => guarded(name, format, || {
            ImageReader::with_format(Cursor::new(bytes), image_format).into_dimensions()
        })?
        .map_err(|e| match container::is_whole(format, bytes) {
            true => corrupt(e),
            false => truncated(),
        })?,
    };
    check_size(name, width, height)?;
    if !container::is_whole(format, bytes) {
        return Err(truncated());
    }
    // A PNG's colour profile is never used, and the decoder inflates it whole (up to the allocation
    // limit) before any pixel: a 1 MB file with a 1 GB iCCP chunk cost 540 MB and seconds of
    // inflating. The decoder is given the file without it.
    let without_profile = match format {
        Format::Png => without_iccp(bytes),
        _ => None,
    };
    let bytes = without_profile.as_deref().unwrap_or(bytes);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_ALLOC_BYTES);
    reader.limits(limits);
    let image = guarded(name, format, || reader.decode())?.map_err(|e| match e {
        image::ImageError::Limits(_) => MeasureError::TooLarge {
            name: name.to_string(),
            width,
            height,
            max: MAX_DIMENSION,
        },
        other => corrupt(other),
    })?;
    Ok((image, format))
}

/// Runs a third-party decoder so that a panic inside it is this file's error, not the caller's
/// crash: zune-jpeg 0.5's AVX2 upsampler asserts on a crafted progressive JPEG (found by the
/// `decode_measure` fuzz target), which took down `extract_file` and the AI's preparation. Only
/// the decoder's own state is lost, and it is dropped with the closure.
fn guarded<T>(name: &str, format: Format, f: impl FnOnce() -> T) -> Result<T, MeasureError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| MeasureError::Corrupt {
        name: name.to_string(),
        detail: format!("the {} decoder failed on its data", format.name()),
    })
}

/// The header's size against the side limit and the raster budget.
fn check_size(name: &str, width: u32, height: u32) -> Result<(), MeasureError> {
    if width > MAX_DIMENSION || height > MAX_DIMENSION || width == 0 || height == 0 {
        return Err(MeasureError::TooLarge {
            name: name.to_string(),
            width,
            height,
            max: MAX_DIMENSION,
        });
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels * 4 > MAX_RASTER_BYTES {
        return Err(MeasureError::TooManyPixels {
            name: name.to_string(),
            width,
            height,
            megapixels: pixels / 1_000_000,
            max_megapixels: MAX_RASTER_BYTES / 4 / 1_000_000,
        });
    }
    Ok(())
}

/// The PNG without its iCCP chunk (which comes before the image data), or `None` when it has none.
fn without_iccp(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut pos = 8usize;
    loop {
        let len = read_u32_be(bytes, pos)? as usize;
        let kind = bytes.get(pos + 4..pos + 8)?;
        let end = pos.checked_add(12)?.checked_add(len)?;
        match kind {
            b"iCCP" if end <= bytes.len() => {
                let mut out = Vec::with_capacity(bytes.len() - (end - pos));
                out.extend_from_slice(&bytes[..pos]);
                out.extend_from_slice(&bytes[end..]);
                return Some(out);
            }
            b"IDAT" | b"IEND" => return None,
            _ => pos = end,
        }
    }
}

/// Width and height from a PNG's IHDR, which the format requires to come first.
fn png_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((read_u32_be(bytes, 16)?, read_u32_be(bytes, 20)?))
}

/// Reads the PNG pHYs chunk (pixels per metre, before the image data) and turns it into a density
/// relative to 96 dpi.
fn png_density(bytes: &[u8]) -> Option<f64> {
    for (kind, body) in png_chunks(bytes) {
        match kind {
            b"pHYs" if body.len() == 9 && body[8] == 1 => {
                return density_from_dpi(f64::from(read_u32_be(body, 0)?) * 0.0254);
            }
            b"IDAT" | b"IEND" => return None,
            _ => {}
        }
    }
    None
}

/// Reads the JFIF APP0 density (dots per inch or per cm).
fn jfif_density(bytes: &[u8]) -> Option<f64> {
    let app0 = bytes.get(2..20)?;
    if &app0[0..2] != b"\xFF\xE0" || &app0[4..9] != b"JFIF\0" {
        return None;
    }
    let units = app0[11];
    let x = f64::from(u16::from_be_bytes([app0[12], app0[13]]));
    match units {
        1 => density_from_dpi(x),
        2 => density_from_dpi(x * 2.54),
        _ => None,
    }
}

/// 72 and 96 dpi are the defaults tools write for "unknown"; 144/192 dpi mean 2×, 216/288 mean 3×.
fn density_from_dpi(dpi: f64) -> Option<f64> {
    let ratio = dpi / 72.0;
    [2.0, 3.0]
        .into_iter()
        .find(|&d| (ratio - d).abs() < 0.05 || (dpi / 96.0 - d).abs() < 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small PNG with a pHYs chunk of `ppm` pixels per metre placed after IHDR (or none).
    fn png_with_phys(ppm: Option<u32>) -> Vec<u8> {
        let mut png = Vec::new();
        image::RgbImage::from_pixel(8, 8, image::Rgb([255, 255, 255]))
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .expect("encode");
        let Some(ppm) = ppm else { return png };
        let mut body = Vec::new();
        body.extend_from_slice(&ppm.to_be_bytes());
        body.extend_from_slice(&ppm.to_be_bytes());
        body.push(1); // unit: metre
        let mut chunk = (body.len() as u32).to_be_bytes().to_vec();
        let mut crc_input = b"pHYs".to_vec();
        crc_input.extend_from_slice(&body);
        chunk.extend_from_slice(&crc_input);
        chunk.extend_from_slice(&crc32(&crc_input).to_be_bytes());
        // Signature (8) + IHDR (4 + 4 + 13 + 4).
        let at = 8 + 25;
        png.splice(at..at, chunk);
        png
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_png_stating_144_dpi_is_2x_from_its_metadata() {
        // 144 dpi = 5669 pixels per metre.
        let d = decode(&png_with_phys(Some(5669)), "retina.png").expect("decodes");
        assert_eq!(d.metadata_density, Some(2.0));
        let d = decode(&png_with_phys(Some(3780)), "plain.png").expect("decodes");
        assert_eq!(d.metadata_density, None, "96 dpi says nothing");
        let d = decode(&png_with_phys(None), "none.png").expect("decodes");
        assert_eq!(d.metadata_density, None);
    }
}
