//! `export --from` with values that cannot be spacing: the bad tokens are left out with a warning
//! naming each, the rest are written. Before, a library JSON with `-5` or `9223372036854775807` px
//! was written as it was, and a DTCG file was refused as "not a library".

use std::process::{Command, Output};

fn copy_that(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copy-that"))
        .args(args)
        .output()
        .expect("run copy-that")
}

fn export(from: &std::path::Path, out: &std::path::Path) -> Output {
    copy_that(&[
        "export",
        "--from",
        from.to_str().expect("utf-8"),
        "--format",
        "css",
        "-o",
        out.to_str().expect("utf-8"),
    ])
}

#[test]
fn export_from_a_dtcg_file_with_negative_and_huge_values_writes_only_the_good_tokens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = dir.path().join("tokens.json");
    std::fs::write(
        &from,
        "\u{feff}{\"spacing\": {\"$type\": \"dimension\", \"md\": {\"$value\": \"16px\"}, \
         \"neg\": {\"$value\": \"-5px\"}, \"huge\": {\"$value\": \"9223372036854775807px\"}}}",
    )
    .expect("write");
    let out = dir.path().join("out");
    let o = export(&from, &out);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("skipped spacing.neg: -5px is negative"),
        "{err}"
    );
    assert!(
        err.contains("skipped spacing.huge: 9223372036854775807px is larger than 10000 px"),
        "{err}"
    );
    let css = std::fs::read_to_string(out.join("spacing.css")).expect("css");
    assert!(css.contains(": 16px;"), "{css}");
    assert!(!css.contains("-5px") && !css.contains("922337"), "{css}");
}

#[test]
fn export_from_a_library_json_with_a_negative_token_leaves_it_out_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let batch = dir.path().join("batch.json");
    std::fs::write(
        &batch,
        r#"[[{"value_px": 16, "confidence": 0.9, "spacing_type": "padding"},
             {"value_px": 8, "confidence": 0.9, "spacing_type": "gap"}]]"#,
    )
    .expect("write");
    let agg = copy_that(&["aggregate", batch.to_str().expect("utf-8"), "--json"]);
    assert!(agg.status.success());
    let mut library: serde_json::Value = serde_json::from_slice(&agg.stdout).expect("json");
    library["tokens"][0]["value_px"] = serde_json::json!(-5.0);
    let from = dir.path().join("library.json");
    std::fs::write(&from, library.to_string()).expect("write");
    let out = dir.path().join("out");
    let o = export(&from, &out);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("is negative"), "{err}");
    let css = std::fs::read_to_string(out.join("spacing.css")).expect("css");
    assert!(!css.contains("-5px"), "{css}");
    assert!(css.contains(": 16px;"), "{css}");
}
