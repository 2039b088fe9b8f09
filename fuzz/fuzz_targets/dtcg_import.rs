//! Any text as a DTCG tokens file: imported, or refused with a message; never a panic. What is
//! imported holds only usable spacing values, and exporting it as DTCG reads back to the same values.
#![no_main]

use copy_that_export::{generate, import_dtcg, ExportOptions};
use copy_that_spacing::{RootPx, MAX_SPACING_PX};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&root, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    // Root sizes the settings accept (and one they do not, which the type refuses before use).
    let Ok(root_px) = RootPx::new([16.0, 10.0, 20.0, 0.0][usize::from(root % 4)]) else {
        return;
    };
    let imported = match import_dtcg(text, "fuzz.json", root_px) {
        Ok(i) => i,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
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
        root_px: RootPx::DEFAULT,
        ..ExportOptions::default()
    };
    let out = generate("dtcg", lib, &opts).expect("dtcg export of an imported library");
    let again = import_dtcg(
        std::str::from_utf8(&out).expect("utf-8 export"),
        "again.json",
        RootPx::DEFAULT,
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
