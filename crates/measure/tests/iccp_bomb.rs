//! A PNG's colour profile is not inflated: the engine never uses it, and the decoder inflated it
//! whole (up to its 512 MB allocation limit) before any pixel, so a 1 MB file with a 1 GB iCCP
//! chunk cost 540 MB and seconds (found by the bad-input corpus). Peak memory is read from the
//! kernel (VmHWM after resetting it), so this file holds one test: other tests running beside it
//! would move the high-water mark.

#![cfg(target_os = "linux")]

use copy_that_bad_inputs::memory::PeakWatch;
use copy_that_bad_inputs::{chunk, page, png, zlib_zeros};
use copy_that_measure::{extract_bytes, Dpr};

#[test]
fn a_png_whose_colour_profile_inflates_to_256_mb_is_measured_without_inflating_it() {
    let small = png(&page(160, 120));
    let mut body = b"profile\0\0".to_vec();
    body.extend_from_slice(&zlib_zeros(256 << 20));
    // The profile goes right after IHDR (signature 8 bytes, IHDR 25), where the format puts it.
    let mut bomb = small[..33].to_vec();
    bomb.extend_from_slice(&chunk(b"iCCP", &body));
    bomb.extend_from_slice(&small[33..]);
    assert!(bomb.len() < 2 << 20, "a {} byte file", bomb.len());

    let watch = PeakWatch::start();
    let e = extract_bytes(&bomb, "profile.png", Dpr::Auto).expect("measured");
    let grown = watch.grown_kb() * 1024;
    assert_eq!((e.width, e.height), (160, 120));
    assert!(!e.measurements.is_empty());
    // The file itself and a copy without the profile: a few MB, not the 256 MB profile.
    assert!(
        grown < 32 << 20,
        "measuring it grew memory by {} MB",
        grown >> 20
    );
}
