//! Bad files give a clear error and never a panic.

mod common;

use copy_that_measure::{extract_bytes, extract_file, Dpr, MeasureError};

fn png_header(width: u32, height: u32) -> Vec<u8> {
    png_header_of(width, height, 2)
}

/// A valid signature and IHDR claiming the given size and colour type (0 grey, 2 RGB), then nothing.
fn png_header_of(width: u32, height: u32, colour_type: u8) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, colour_type, 0, 0, 0]);
    let mut chunk = Vec::new();
    chunk.extend(b"IHDR");
    chunk.extend(&ihdr);
    let crc = crc32(&chunk);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend((ihdr.len() as u32).to_be_bytes());
    out.extend(chunk);
    out.extend(crc.to_be_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn zero_bytes() {
    let e = extract_bytes(&[], "empty.png", Dpr::Auto).unwrap_err();
    assert!(matches!(e, MeasureError::Empty(_)));
    assert_eq!(e.to_string(), "empty.png is empty (0 bytes)");
}

#[test]
fn not_an_image_whatever_its_extension() {
    let e = extract_bytes(b"<html>hello</html>", "page.png", Dpr::Auto).unwrap_err();
    assert!(matches!(e, MeasureError::Unsupported(_)));
    assert_eq!(e.to_string(), "page.png is not a PNG, JPEG or WebP image");
}

#[test]
fn content_decides_the_format_not_the_extension() {
    let mut c = common::Canvas::new(64, 64, 1, 0xFFFFFF);
    c.fill(8, 8, 20, 20, 0x000000);
    let e = extract_bytes(&c.png(), "really-a-png.jpg", Dpr::Auto).expect("sniffed as PNG");
    assert_eq!((e.width, e.height), (64, 64));
}

#[test]
fn truncated_png() {
    let mut c = common::Canvas::new(200, 200, 1, 0xFFFFFF);
    c.fill(10, 10, 50, 50, 0x336699);
    let png = c.png();
    let e = extract_bytes(&png[..png.len() / 2], "cut.png", Dpr::Auto).unwrap_err();
    assert!(matches!(e, MeasureError::Truncated { .. }), "{e}");
    assert!(e.to_string().starts_with("cut.png is truncated"), "{e}");
}

#[test]
fn a_header_claiming_huge_dimensions_is_refused_before_allocating() {
    // 100000 × 100000 RGB would need 30 GB; the header alone is refused.
    let e = extract_bytes(&png_header(100_000, 100_000), "bomb.png", Dpr::Auto).unwrap_err();
    assert!(
        matches!(
            e,
            MeasureError::TooLarge {
                width: 100_000,
                height: 100_000,
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        e.to_string(),
        "bomb.png is 100000×100000 px; images up to 16384×16384 px are supported"
    );
}

#[test]
fn decompression_bomb_within_the_dimension_limit_hits_the_pixel_budget() {
    // 16384 × 16384 passes the dimension check but its raster would need 1 GB.
    let e = extract_bytes(&png_header(16_384, 16_384), "big.png", Dpr::Auto).unwrap_err();
    assert!(matches!(e, MeasureError::TooManyPixels { .. }), "{e}");
}

#[test]
fn a_16000_square_grey_png_is_refused_from_its_header_before_decoding() {
    // 256 MB of grey pixels passed the decoder's 512 MB limit, then became a 1 GB RGBA raster
    // (13.5 s and 1.96 GB for a 279 KB file). The header alone now decides, in no time.
    let header = png_header_of(16_000, 16_000, 0);
    let started = std::time::Instant::now();
    let e = extract_bytes(&header, "grey.png", Dpr::Auto).unwrap_err();
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert!(
        matches!(
            e,
            MeasureError::TooManyPixels {
                width: 16_000,
                height: 16_000,
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        e.to_string(),
        "grey.png is 16000×16000 px (256 megapixels); images up to 134 megapixels \
         (such as 16384×8192 px) are supported"
    );
}

#[test]
fn the_largest_raster_within_the_budget_is_still_accepted_by_the_header_checks() {
    // 16384 × 8192 is exactly the budget: refused only because the file has no pixel data.
    let e = extract_bytes(&png_header_of(16_384, 8_192, 0), "edge.png", Dpr::Auto).unwrap_err();
    assert!(matches!(e, MeasureError::Truncated { .. }), "{e}");
}

#[test]
fn corrupt_jpeg() {
    // Whole (an APP0 segment of its stated length, then the end marker) but with no frame in it. A
    // segment claiming more bytes than the file holds is a cut file, reported as truncated.
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x42];
    bytes.extend([0x13; 64]);
    bytes.extend([0xFF, 0xD9]);
    let e = extract_bytes(&bytes, "broken.jpg", Dpr::Auto).unwrap_err();
    assert!(matches!(e, MeasureError::Corrupt { .. }), "{e}");
}

#[test]
fn missing_file() {
    let e = extract_file(std::path::Path::new("/nonexistent/shot.png"), Dpr::Auto).unwrap_err();
    assert!(e
        .to_string()
        .starts_with("could not read /nonexistent/shot.png"));
}

#[test]
fn bad_density_option() {
    assert!("4".parse::<Dpr>().is_err());
    assert!(matches!("2".parse::<Dpr>(), Ok(Dpr::Fixed(d)) if d.get() == 2.0));
    assert_eq!("auto".parse::<Dpr>().ok(), Some(Dpr::Auto));
}
