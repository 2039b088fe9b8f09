//! DTCG import of values that cannot be spacing. Policy: one bad value skips its token (listed in
//! `skipped` with its name and why), never the file; a file with no usable token is refused naming
//! each bad one. Before, `-5px` was dropped without a word, `9223372036854775807px` refused the
//! whole file, a byte order mark made the file "not JSON", and `1e-3px` became a `0px` token.

use copy_that_export::{check_library, import_dtcg, ExportError};
use copy_that_spacing::RootPx;

fn tokens(values: &[(&str, &str)]) -> String {
    let body: Vec<String> = values
        .iter()
        .map(|(name, value)| format!("\"{name}\": {{\"$value\": {value}}}"))
        .collect();
    format!(
        "{{\"spacing\": {{\"$type\": \"dimension\", {}}}}}",
        body.join(", ")
    )
}

fn px_values(lib: &copy_that_spacing::SpacingLibrary) -> Vec<f64> {
    lib.tokens.iter().map(|t| t.value_px).collect()
}

#[test]
fn a_negative_token_is_skipped_and_named_not_dropped_silently() {
    for negative in [
        "\"-5px\"",
        "{\"value\": -5, \"unit\": \"px\"}",
        "-5",
        "\"-0.5rem\"",
    ] {
        let text = tokens(&[("md", "\"16px\""), ("neg", negative)]);
        let imported =
            import_dtcg(&text, "t.json", RootPx::DEFAULT).expect("the good token imports");
        assert_eq!(px_values(&imported.library), [16.0], "{negative}");
        assert_eq!(imported.skipped.len(), 1, "{negative}");
        let shown = imported.skipped[0].to_string();
        assert!(shown.starts_with("skipped spacing.neg: "), "{shown}");
        assert!(shown.contains("negative"), "{shown}");
    }
}

#[test]
fn a_9223372036854775807px_token_is_skipped_naming_it_not_the_whole_file() {
    for huge in [
        "\"9223372036854775807px\"",
        "{\"value\": 9223372036854775807, \"unit\": \"px\"}",
        "\"10001px\"",
        "\"1000rem\"",
    ] {
        let text = tokens(&[("md", "\"16px\""), ("lg", "\"24px\""), ("huge", huge)]);
        let imported =
            import_dtcg(&text, "t.json", RootPx::DEFAULT).expect("the good tokens import");
        assert_eq!(px_values(&imported.library), [16.0, 24.0], "{huge}");
        let shown = imported.skipped[0].to_string();
        assert!(shown.contains("spacing.huge"), "{shown}");
        assert!(shown.contains("larger than 10000 px"), "{shown}");
    }
    let text = tokens(&[
        ("md", "\"16px\""),
        ("inf", "\"1e999px\""),
        ("nan", "\"NaNpx\""),
    ]);
    let imported = import_dtcg(&text, "t.json", RootPx::DEFAULT).expect("import");
    let shown: Vec<String> = imported.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[0].contains("spacing.inf: 1e999px is not a finite number"),
        "{shown:?}"
    );
    assert!(
        shown[1].contains("spacing.nan: \"NaNpx\" is not a number"),
        "{shown:?}"
    );
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", tokens(&[("md", "\"16px\"")]));
    let imported = import_dtcg(&text, "bom.json", RootPx::DEFAULT).expect("a BOM is not an error");
    assert_eq!(px_values(&imported.library), [16.0]);
    assert!(imported.skipped.is_empty());
}

#[test]
fn a_1e_3px_value_does_not_become_a_0px_token() {
    for tiny in [
        "\"1e-3px\"",
        "{\"value\": 0.001, \"unit\": \"px\"}",
        "0.001",
    ] {
        let text = tokens(&[("md", "\"16px\""), ("hair", tiny)]);
        let imported = import_dtcg(&text, "t.json", RootPx::DEFAULT).expect("import");
        assert_eq!(px_values(&imported.library), [16.0], "{tiny}: no 0px token");
        let shown = imported.skipped[0].to_string();
        assert!(
            shown.contains("spacing.hair") && shown.contains("0px"),
            "{shown}"
        );
    }
    // A real 0 stays (a `none` step), and a quarter pixel is kept as one.
    let text = tokens(&[("none", "\"0px\""), ("q", "\"0.25px\""), ("md", "\"16px\"")]);
    let imported = import_dtcg(&text, "t.json", RootPx::DEFAULT).expect("import");
    assert_eq!(px_values(&imported.library), [0.0, 0.25, 16.0]);
    assert!(imported.skipped.is_empty());
}

#[test]
fn units_other_than_px_or_rem_are_named() {
    let text = tokens(&[("md", "\"16px\""), ("em", "\"2em\""), ("pc", "\"50%\"")]);
    let imported = import_dtcg(&text, "t.json", RootPx::DEFAULT).expect("import");
    let shown: Vec<String> = imported.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[0].contains("spacing.em") && shown[0].contains("\"em\""),
        "{shown:?}"
    );
}

#[test]
fn a_file_of_only_bad_tokens_is_refused_naming_each() {
    let text = tokens(&[("neg", "\"-5px\""), ("huge", "\"9223372036854775807px\"")]);
    let e = import_dtcg(&text, "bad.json", RootPx::DEFAULT).unwrap_err();
    assert!(matches!(e, ExportError::Import(..)), "{e}");
    let shown = e.to_string();
    assert!(
        shown.contains("spacing.neg") && shown.contains("spacing.huge"),
        "{shown}"
    );
}

#[test]
fn a_library_json_with_negative_or_huge_tokens_skips_them_by_name() {
    let dtcg = tokens(&[("sm", "\"8px\""), ("md", "\"16px\""), ("lg", "\"24px\"")]);
    let mut library = import_dtcg(&dtcg, "t.json", RootPx::DEFAULT)
        .expect("import")
        .library;
    library.tokens[0].value_px = -5.0;
    library.tokens[2].value_px = 9.223_372_036_854_776e18;
    let checked = check_library(library, "library.json").expect("md is fine");
    assert_eq!(px_values(&checked.library), [16.0]);
    let shown: Vec<String> = checked.skipped.iter().map(ToString::to_string).collect();
    assert!(
        shown[0].contains("spacing.sm") && shown[0].contains("negative"),
        "{shown:?}"
    );
    assert!(
        shown[1].contains("spacing.lg") && shown[1].contains("larger"),
        "{shown:?}"
    );
}

/// Found by the `generators` fuzz target: a library file whose responsive suggestion was 1e300
/// wrote `--spacing-md: 9223372036854775807px;` into the CSS media queries (and -5 wrote `-5px`),
/// because only the token's own value was checked.
#[test]
fn a_library_with_a_huge_or_negative_responsive_suggestion_skips_that_token() {
    let dtcg = tokens(&[("sm", "\"8px\""), ("md", "\"16px\""), ("lg", "\"24px\"")]);
    let mut library = import_dtcg(&dtcg, "t.json", RootPx::DEFAULT)
        .expect("import")
        .library;
    library.tokens[0].responsive_scales.widescreen = 1e300;
    library.tokens[2].responsive_scales.mobile = -5.0;
    let checked = check_library(library, "library.json").expect("md is fine");
    assert_eq!(px_values(&checked.library), [16.0]);
    let shown: Vec<String> = checked.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[0].contains("spacing.sm")
            && shown[0].contains("widescreen")
            && shown[0].contains("larger"),
        "{shown:?}"
    );
    assert!(
        shown[1].contains("spacing.lg")
            && shown[1].contains("mobile")
            && shown[1].contains("negative"),
        "{shown:?}"
    );
    let options = copy_that_export::ExportOptions {
        responsive: true,
        ..copy_that_export::ExportOptions::default()
    };
    let css = String::from_utf8(
        copy_that_export::generate("css", &checked.library, &options).expect("css"),
    )
    .expect("utf-8");
    assert!(
        !css.contains("9223372036854775807") && !css.contains("-5px"),
        "{css}"
    );
}

/// Found by the `generators` fuzz target: tokens within a pixel of each other (`1px` and `2px`,
/// `15px` and `16px`) are merged by the aggregation as if they were measurement noise, and the
/// file's second token vanished without a word. It is still merged (see docs/RELIABILITY.md),
/// but now listed with the token it went into.
#[test]
fn tokens_within_a_pixel_of_each_other_are_merged_and_said_not_dropped_silently() {
    let text = tokens(&[
        ("hairline", "\"1px\""),
        ("thin", "\"2px\""),
        ("md", "\"15px\""),
        ("md2", "\"16px\""),
        ("lg", "\"24px\""),
    ]);
    let imported = import_dtcg(&text, "t.json", RootPx::DEFAULT).expect("import");
    assert_eq!(px_values(&imported.library), [1.0, 15.0, 24.0]);
    let shown: Vec<String> = imported.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "skipped spacing.md2: 16px is within a pixel of spacing.md (15px), so it was merged into it",
            "skipped spacing.thin: 2px is within a pixel of spacing.hairline (1px), so it was merged into it",
        ]
    );
}
