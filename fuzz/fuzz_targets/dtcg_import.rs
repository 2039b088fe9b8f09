//! Any text as a DTCG tokens file: imported, or refused with a message; never a panic. What is
//! imported holds only usable spacing values, and exporting it as DTCG reads back to the same values.
#![no_main]

use copy_that_export::{generate, import_dtcg, ExportOptions};
use copy_that_spacing::MAX_SPACING_PX;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&root, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    // Root sizes the settings accept (and one they do not, which must be refused, not used).
    let root_px = [16.0, 10.0, 20.0, 0.0][usize::from(root % 4)];
    let imported = match import_dtcg(text, "fuzz.json", root_px) {
        Ok(i) => i,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    assert!(root_px > 0.0, "a root size of 0 px was accepted");
    let lib = &imported.library;
    assert!(!lib.tokens.is_empty());
    for t in &lib.tokens {
        assert!(
            t.value_px.is_finite() && t.value_px >= 0.0 && t.value_px <= MAX_SPACING_PX,
            "{} = {}",
            t.name,
            t.value_px
        );
        assert!(t.value_rem.is_finite(), "{} rem {}", t.name, t.value_rem);
    }
    for s in &imported.skipped {
        assert!(!s.reason.is_empty());
    }
    // What was imported is exported and imported again: the same values come back.
    let opts = ExportOptions {
        root_px: 16.0,
        ..ExportOptions::default()
    };
    let out = generate("dtcg", lib, &opts).expect("dtcg export of an imported library");
    let again = import_dtcg(
        std::str::from_utf8(&out).expect("utf-8 export"),
        "again.json",
        16.0,
    )
    .expect("an exported library imports");
    let values = |l: &copy_that_spacing::SpacingLibrary| {
        let mut v: Vec<f64> = l.tokens.iter().map(|t| t.value_px).collect();
        v.sort_by(f64::total_cmp);
        v
    };
    assert_eq!(
        values(lib),
        values(&again.library),
        "export:\n{}",
        String::from_utf8_lossy(&out)
    );
});
