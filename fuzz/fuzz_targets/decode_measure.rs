//! Any bytes as an image file: decoded with the engine's limits, measured, and (small ones) prepared
//! for an AI provider. Nothing may panic; whatever is measured must be a sane extraction.
#![no_main]

use copy_that_measure::{decode, extract_bytes, Dpr};
use libfuzzer_sys::fuzz_target;

/// Images above this many pixels are decoded but not measured or prepared: the limits under test
/// are the decoder's, and measuring a 100-megapixel raster legitimately takes seconds, which
/// would only slow the fuzzer down.
const MEASURE_MAX_PIXELS: u64 = 1 << 20;

fuzz_target!(
    init: {
        // libfuzzer-sys aborts on every panic, even one caught. The engine catches a panic inside
        // a third-party decoder on purpose (decode::guarded) and reports the file as damaged; any
        // panic that escapes the target still aborts (libfuzzer-sys catches it and aborts), so
        // only the caught ones stop being crashes.
        drop(std::panic::take_hook());
    },
    |data: &[u8]| {
    // The first byte picks the density (auto or one a user may force); the rest is the file.
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let dpr = match choice % 4 {
        0 | 1 => Dpr::Auto,
        2 => Dpr::fixed(2.0).expect("a valid density"),
        _ => Dpr::fixed(2.625).expect("a valid density"),
    };
    let Ok(decoded) = decode::decode(bytes, "fuzz.png") else {
        return;
    };
    let (w, h) = (decoded.raster.width, decoded.raster.height);
    assert!(w > 0 && h > 0 && w <= decode::MAX_DIMENSION && h <= decode::MAX_DIMENSION);
    assert_eq!(decoded.raster.px.len() as u64, u64::from(w) * u64::from(h));
    assert!(u64::from(w) * u64::from(h) * 4 <= decode::MAX_RASTER_BYTES);
    if u64::from(w) * u64::from(h) > MEASURE_MAX_PIXELS {
        return;
    }
    let e = extract_bytes(bytes, "fuzz.png", dpr).expect("a file that decodes is measured");
    assert_eq!((e.width, e.height), (w, h));
    assert!(e.dpr.is_finite() && (1.0..=3.5).contains(&e.dpr), "dpr {}", e.dpr);
    for m in &e.measurements {
        assert!(
            m.value_px.is_finite() && m.value_px >= 0.0,
            "value {}",
            m.value_px
        );
        assert!((0.0..=1.0).contains(&m.confidence), "confidence {}", m.confidence);
        if let Some(b) = m.bbox {
            assert!(u64::from(b.x) + u64::from(b.w) <= u64::from(w), "{b:?} in {w}×{h}");
            assert!(u64::from(b.y) + u64::from(b.h) <= u64::from(h), "{b:?} in {w}×{h}");
        }
    }
    // The AI path decodes the same bytes through the same limits and re-encodes a smaller copy.
    if let Ok(p) = copy_that_ai::prep::prepare(bytes, 256, 5 * 1024 * 1024) {
        assert!(p.scale.is_finite() && p.scale >= 1.0, "scale {}", p.scale);
        assert!(!p.base64.is_empty());
    }
    }
);
