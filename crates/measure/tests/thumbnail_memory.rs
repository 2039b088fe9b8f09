//! A thumbnail is read from the raster row by row, never through a full-size copy: it once made a
//! full-size RGB image first, and a 16384×8192 screenshot saved into a project peaked at 916 MB
//! instead of 672 MB. Peak memory is read from the kernel (VmHWM after resetting it), so this file
//! holds one test: other tests running beside it would move the high-water mark.

#![cfg(target_os = "linux")]

use copy_that_bad_inputs::memory::PeakWatch;
use copy_that_measure::raster::Raster;

#[test]
fn a_thumbnail_of_a_large_raster_makes_no_full_size_copy() {
    let (w, h) = (4096u32, 4096u32);
    let n = u64::from(w) * u64::from(h);
    let raster = Raster::from_pixels(w, h, vec![0x00F0_F0F0; n as usize]);
    let watch = PeakWatch::start();
    let png = raster.thumbnail_png(512);
    let grown = watch.grown_kb() * 1024;
    let thumb = image::load_from_memory(&png).expect("png");
    assert_eq!((thumb.width(), thumb.height()), (512, 512));
    // A full-size RGB copy is 3 bytes a pixel (48 MB here); the thumbnail itself is under 1 MB.
    assert!(
        grown < n / 2,
        "a {w}×{h} thumbnail grew memory by {} MB",
        grown >> 20
    );
}
