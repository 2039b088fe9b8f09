//! Inputs that made a third-party decoder panic, each found by the `decode_measure` fuzz target
//! (fuzz/): refused as damaged, never a crash of the caller.

use copy_that_measure::{decode, extract_bytes, Dpr, MeasureError};

/// A progressive JPEG the fuzzer made from the committed seed: zune-jpeg 0.5.15's AVX2 upsampler
/// asserts `input.len() * 2 <= scratch_space.len()` on it. On a CPU without AVX2 the scalar path
/// runs instead; either way no panic may reach the caller.
#[test]
fn a_jpeg_that_panics_the_avx2_upsampler_is_refused_as_damaged() {
    let bytes = include_bytes!("regressions/zune-jpeg-avx2-upsampler-panic.jpg");
    let outcome = std::panic::catch_unwind(|| extract_bytes(bytes, "fuzzed.jpg", Dpr::Auto));
    let result = outcome.expect("no panic escapes the decoder");
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        let e = result.expect_err("the decoder fails on it");
        assert!(matches!(e, MeasureError::Corrupt { .. }), "{e}");
        assert_eq!(
            e.to_string(),
            "fuzzed.jpg is damaged or truncated: the JPEG decoder failed on its data"
        );
    }
    // The AI's preparation decodes through the same guard.
    let outcome = std::panic::catch_unwind(|| decode::decode_image(bytes, "fuzzed.jpg").is_ok());
    assert!(outcome.is_ok(), "no panic escapes decode_image");
}
