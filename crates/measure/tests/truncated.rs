//! A file cut short (a download still running, a copy interrupted) is refused as truncated, never
//! measured as if whole: the JPEG decoder fills a missing scan with grey and reports success.

mod common;

use copy_that_measure::{extract_bytes, Dpr, MeasureError};
use image::{ImageEncoder, RgbImage};

fn page() -> RgbImage {
    let mut c = common::Canvas::new(160, 120, 1, 0xFFFFFF);
    c.fill(10, 10, 60, 40, 0x336699);
    c.fill(90, 10, 60, 40, 0x993366);
    c.text(10, 70, 12, 0x222222);
    let r = c.raster();
    let rgb =
        r.px.iter()
            .flat_map(|p| [(p >> 16) as u8, (p >> 8) as u8, *p as u8])
            .collect();
    RgbImage::from_raw(r.width, r.height, rgb).expect("buffer")
}

fn encode(format: image::ImageFormat) -> Vec<u8> {
    let img = page();
    let mut out = Vec::new();
    match format {
        image::ImageFormat::Jpeg => {
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
                .write_image(
                    &img,
                    img.width(),
                    img.height(),
                    image::ExtendedColorType::Rgb8,
                )
                .expect("jpeg")
        }
        image::ImageFormat::WebP => image::codecs::webp::WebPEncoder::new_lossless(&mut out)
            .write_image(
                &img,
                img.width(),
                img.height(),
                image::ExtendedColorType::Rgb8,
            )
            .expect("webp"),
        _ => image::codecs::png::PngEncoder::new(&mut out)
            .write_image(
                &img,
                img.width(),
                img.height(),
                image::ExtendedColorType::Rgb8,
            )
            .expect("png"),
    }
    out
}

/// Cuts at fractions of the file and in its last bytes, where only the end marker is missing.
fn cut_points(len: usize) -> Vec<usize> {
    let mut cuts: Vec<usize> = [0.3, 0.5, 0.7, 0.9, 0.97]
        .iter()
        .map(|f| (len as f64 * f) as usize)
        .collect();
    cuts.extend([len - 1, len - 2, len - 3]);
    cuts
}

fn assert_truncation_refused(format: image::ImageFormat, name: &str) {
    let whole = encode(format);
    extract_bytes(&whole, name, Dpr::Auto).expect("the whole file is measured");
    for cut in cut_points(whole.len()) {
        match extract_bytes(&whole[..cut], name, Dpr::Auto) {
            Err(MeasureError::Truncated { .. }) => {}
            Err(e) => panic!("{name} cut at {cut}/{}: {e}", whole.len()),
            Ok(_) => panic!("{name} cut at {cut}/{} was measured", whole.len()),
        }
    }
}

#[test]
fn truncated_jpeg_is_refused_not_measured_with_a_grey_bottom() {
    assert_truncation_refused(image::ImageFormat::Jpeg, "cut.jpg");
}

#[test]
fn truncated_png_is_refused_at_any_offset() {
    assert_truncation_refused(image::ImageFormat::Png, "cut.png");
}

#[test]
fn truncated_webp_is_refused_at_any_offset() {
    assert_truncation_refused(image::ImageFormat::WebP, "cut.webp");
}

#[test]
fn truncation_error_says_so() {
    let whole = encode(image::ImageFormat::Jpeg);
    let e = extract_bytes(&whole[..whole.len() - 2], "shot.jpg", Dpr::Auto).unwrap_err();
    assert_eq!(
        e.to_string(),
        "shot.jpg is truncated: the file stops before the end of its JPEG data (was it still \
         downloading, or cut off when copied?)"
    );
}

#[test]
fn bytes_after_the_end_marker_do_not_make_a_file_truncated() {
    // Some tools append data after EOI / IEND; the image itself is whole.
    for format in [image::ImageFormat::Jpeg, image::ImageFormat::Png] {
        let mut bytes = encode(format);
        bytes.extend([0u8; 37]);
        extract_bytes(&bytes, "tail", Dpr::Auto).expect("measured");
    }
}

/// Found by the bad-input corpus: a file cut inside its header (a PNG's signature or IHDR, a JPEG
/// before its frame header, a WebP's RIFF header) was "damaged or truncated: unexpected end of
/// file" (the decoder's words), where every later cut says it is truncated.
#[test]
fn a_file_cut_inside_its_header_is_called_truncated() {
    for (format, name, cuts) in [
        (image::ImageFormat::Png, "cut.png", &[8, 12, 20][..]),
        (image::ImageFormat::Jpeg, "cut.jpg", &[4, 30][..]),
        (image::ImageFormat::WebP, "cut.webp", &[12, 16][..]),
    ] {
        let whole = encode(format);
        for &cut in cuts {
            match extract_bytes(&whole[..cut], name, Dpr::Auto) {
                Err(MeasureError::Truncated { .. }) => {}
                other => panic!("{name} cut at {cut}: {:?}", other.map(|e| e.width)),
            }
        }
    }
}
