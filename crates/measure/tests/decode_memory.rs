//! Building the raster holds the decoded buffer and the raster, never an RGBA copy between them.
//! Peak memory is read from the kernel (VmHWM after resetting it through /proc/self/clear_refs), so
//! this file holds one test: other tests running beside it would move the high-water mark.

#![cfg(target_os = "linux")]

use copy_that_bad_inputs::memory::PeakWatch;
use copy_that_measure::raster::Raster;
use image::{DynamicImage, GrayImage};

#[test]
fn a_grey_image_becomes_a_raster_without_an_rgba_copy() {
    let (w, h) = (4096u32, 4096u32);
    let n = (w * h) as u64;
    let grey = GrayImage::from_raw(w, h, vec![200u8; n as usize]).expect("buffer");
    let image = DynamicImage::ImageLuma8(grey);
    let watch = PeakWatch::start();
    let raster = Raster::from_image(image);
    let grown = watch.grown_kb() * 1024;
    assert_eq!(raster.px.len() as u64, n);
    assert_eq!(raster.at(7, 7), 0xC8C8C8);
    // The raster is 4 bytes a pixel; going through RGBA added another 4 (and the old code did).
    assert!(
        grown < n * 4 + n * 4 / 4,
        "building a {w}×{h} raster grew memory by {} MB (raster {} MB)",
        grown >> 20,
        (n * 4) >> 20
    );
}
