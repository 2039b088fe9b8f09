//! The `copy-that` binary as benchmarks and CI pipelines call it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

mod common;
use common::screenshot;

fn copy_that(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copy-that"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn copy-that");
    // Fed from a thread while the output is read, and a closed pipe is no failure: a command that
    // refuses its arguments exits without reading its input (`--threshold 2`), and one that reads
    // a file instead never reads it. Writing it all first, on this thread, failed with a broken
    // pipe whenever the child had exited before the write, and could block on a large input.
    let feeder = child.stdin.take().map(|mut pipe| {
        let input = stdin.unwrap_or_default().to_owned();
        std::thread::spawn(move || match pipe.write_all(input.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
            _ => Ok(()),
        })
    });
    let output = child.wait_with_output().expect("wait");
    if let Some(f) = feeder {
        f.join().expect("stdin thread").expect("write stdin");
    }
    output
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const BATCH: &str = r#"[
  [{"value_px": 16, "confidence": 0.9, "spacing_type": "padding"}, {"value_px": 8, "confidence": 0.8, "spacing_type": "gap"}, {"value_px": 15, "confidence": 0.7, "spacing_type": "padding"}],
  [{"value_px": 24, "confidence": 0.9, "spacing_type": "margin"}, {"value_px": 4, "confidence": 1.0, "spacing_type": "gap"}, {"value_px": 12, "confidence": 0.6, "spacing_type": "padding"}]
]"#;

#[test]
fn version_and_help_read_well() {
    let v = copy_that(&["--version"], None);
    assert!(v.status.success());
    assert_eq!(
        stdout(&v).trim(),
        format!("copy-that {}", env!("CARGO_PKG_VERSION"))
    );
    let h = copy_that(&["--help"], None);
    assert!(stdout(&h).contains("Turn UI screenshots into spacing design tokens"));
    assert!(stdout(&h).contains("aggregate"));
}

#[test]
fn aggregate_json_has_the_contract_shape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("batch.json");
    std::fs::write(&path, BATCH).expect("write batch");
    let o = copy_that(
        &["aggregate", path.to_str().expect("utf-8"), "--json"],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json on stdout");
    let tokens = v["tokens"].as_array().expect("tokens");
    let values: Vec<f64> = tokens
        .iter()
        .map(|t| t["value_px"].as_f64().expect("value_px"))
        .collect();
    assert_eq!(values, [4.0, 8.0, 12.0, 16.0, 24.0]);
    let md = &tokens[3];
    assert_eq!(md["occurrence_count"], 2);
    assert_eq!(md["scale"], "md");
    assert_eq!(md["name"], "4", "16 px is step 4 of the 4 px scale");
    assert_eq!(md["semantic_names"]["t_shirt"], "md");
    assert_eq!(md["average_confidence"], 0.8);
    assert_eq!(md["spacing_type"], "padding");
    assert_eq!(v["statistics"]["base_unit"], 4.0);
}

#[test]
fn aggregate_json_summarises_occurrences_per_image_unless_all_are_asked_for() {
    let summary = copy_that(&["aggregate", "-", "--json"], Some(BATCH));
    assert!(summary.status.success(), "{}", stderr(&summary));
    let v: serde_json::Value = serde_json::from_str(&stdout(&summary)).expect("json");
    let md = &v["tokens"][3];
    assert_eq!(md["value_px"], 16.0);
    assert!(md.get("occurrences").is_none(), "{md}");
    let per_image = md["occurrences_by_image"].as_array().expect("by image");
    assert_eq!(per_image.len(), 1, "both 15 and 16 px are in image 0");
    let image0 = &per_image[0];
    assert_eq!(
        (image0["image"].as_u64(), image0["count"].as_u64()),
        (Some(0), Some(2))
    );
    assert_eq!(
        (image0["min_px"].as_f64(), image0["max_px"].as_f64()),
        (Some(15.0), Some(16.0))
    );
    assert!((image0["mean_confidence"].as_f64().expect("mean") - 0.8).abs() < 1e-9);

    let all = copy_that(
        &["aggregate", "-", "--json", "--occurrences", "all"],
        Some(BATCH),
    );
    assert!(all.status.success(), "{}", stderr(&all));
    let v: serde_json::Value = serde_json::from_str(&stdout(&all)).expect("json");
    let md = &v["tokens"][3];
    assert!(md.get("occurrences_by_image").is_none());
    let values: Vec<f64> = md["occurrences"]
        .as_array()
        .expect("every occurrence")
        .iter()
        .map(|o| o["value_px"].as_f64().expect("value"))
        .collect();
    assert_eq!(values.len(), 2);
    assert!(
        values.contains(&15.0) && values.contains(&16.0),
        "{values:?}"
    );

    let bad = copy_that(
        &["aggregate", "-", "--json", "--occurrences", "some"],
        Some(BATCH),
    );
    assert!(!bad.status.success());
}

#[test]
fn aggregate_reads_stdin_and_prints_a_table() {
    let o = copy_that(&["aggregate", "-"], Some(BATCH));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("base unit 4 px"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("4 ") && l.contains(" 16 ")),
        "{out}"
    );
}

#[test]
fn threshold_is_honoured() {
    let batch = r#"[[{"value_px": 100}, {"value_px": 100}, {"value_px": 107}]]"#;
    let merged = copy_that(&["aggregate", "-", "--json"], Some(batch));
    let apart = copy_that(
        &["aggregate", "-", "--json", "--threshold", "0.05"],
        Some(batch),
    );
    let count = |o: &Output| {
        serde_json::from_str::<serde_json::Value>(&stdout(o)).expect("json")["tokens"]
            .as_array()
            .map(Vec::len)
    };
    assert_eq!(count(&merged), Some(1));
    assert_eq!(count(&apart), Some(2));
}

#[test]
fn bad_input_is_a_clear_error_not_a_panic() {
    let missing = copy_that(&["aggregate", "/nonexistent/batch.json"], None);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("reading /nonexistent/batch.json"),
        "{}",
        stderr(&missing)
    );

    let garbage = copy_that(&["aggregate", "-"], Some("{not json"));
    assert!(!garbage.status.success());
    assert!(stderr(&garbage).contains("is not a list of per-image measurement lists"));

    let negative = copy_that(
        &["aggregate", "-"],
        Some(r#"[[{"value_px": 8}], [{"value_px": -3}]]"#),
    );
    assert!(!negative.status.success());
    assert!(
        stderr(&negative).contains("image 1, measurement 0: spacing value -3 px is negative"),
        "{}",
        stderr(&negative)
    );
    assert!(!stderr(&negative).contains("panicked"));

    let threshold = copy_that(&["aggregate", "-", "--threshold", "2"], Some("[]"));
    assert!(stderr(&threshold).contains("merge threshold 2 must be between 0 and 1"));
}

#[test]
fn extract_json_reports_css_px_and_the_base_unit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = screenshot(dir.path(), "a.png");
    let o = copy_that(&["extract", a.to_str().expect("utf-8"), "--json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let values: Vec<f64> = v["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|t| t["value_px"].as_f64().expect("value_px"))
        .collect();
    for expected in [16.0, 24.0, 32.0] {
        assert!(values.contains(&expected), "{expected} in {values:?}");
    }
    // Three values, all on 8 px: too few to leave the 4 px convention, and said to be doubtful
    // (the app then names 8 px as the runner-up).
    let stats = &v["statistics"];
    assert_eq!(stats["base_unit"], 4.0, "{values:?} {stats}");
    let confidence = stats["base_unit_confidence"].as_f64().expect("confidence");
    assert!(confidence < 0.6, "{stats}");
}

#[test]
fn extract_skips_bad_files_and_keeps_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = screenshot(dir.path(), "good.png");
    let bad = dir.path().join("notes.png");
    std::fs::write(&bad, "not an image").expect("write");
    let o = copy_that(
        &[
            "extract",
            good.to_str().expect("utf-8"),
            bad.to_str().expect("utf-8"),
            "--json",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("skipped"), "{}", stderr(&o));
    assert!(stderr(&o).contains("is not a PNG, JPEG or WebP image"));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["statistics"]["image_count"], 1);

    let only_bad = copy_that(&["extract", bad.to_str().expect("utf-8")], None);
    assert!(!only_bad.status.success());
    assert!(stderr(&only_bad).contains("no image could be measured"));
}

#[test]
fn extract_honours_a_forced_density() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = screenshot(dir.path(), "a.png");
    let o = copy_that(
        &[
            "extract",
            a.to_str().expect("utf-8"),
            "--json",
            "--dpr",
            "2",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let values: Vec<f64> = v["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|t| t["value_px"].as_f64().expect("value_px"))
        .collect();
    assert!(
        values.contains(&12.0) && values.contains(&8.0),
        "halved: {values:?}"
    );
    let bad = copy_that(&["extract", a.to_str().expect("utf-8"), "--dpr", "4"], None);
    assert!(!bad.status.success());
}

#[test]
fn extract_into_a_project_then_list_and_show_it_without_the_images() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let shots = dir.path().join("shots");
    std::fs::create_dir_all(&shots).expect("mkdir");
    let a = screenshot(&shots, "home page.png");
    let data_arg = data.to_str().expect("utf-8");
    let saved = copy_that(
        &[
            "--data-dir",
            data_arg,
            "extract",
            a.to_str().expect("utf-8"),
            "--project",
            "Site",
            "--json",
        ],
        None,
    );
    assert!(saved.status.success(), "{}", stderr(&saved));
    let saved: serde_json::Value = serde_json::from_str(&stdout(&saved)).expect("json");

    // The same image again is deduplicated; the project still has one image.
    let again = copy_that(
        &[
            "--data-dir",
            data_arg,
            "extract",
            a.to_str().expect("utf-8"),
            "--project",
            "Site",
        ],
        None,
    );
    assert!(again.status.success(), "{}", stderr(&again));

    std::fs::remove_dir_all(&shots).expect("images gone");
    let list = copy_that(&["--data-dir", data_arg, "projects", "--json"], None);
    let list: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("json");
    assert_eq!(list[0]["name"], "Site");
    assert_eq!(list[0]["image_count"], 1);
    let table = copy_that(&["--data-dir", data_arg, "projects"], None);
    assert!(
        stdout(&table).lines().any(|l| l.starts_with("Site")),
        "{}",
        stdout(&table)
    );

    // COPY_THAT_DATA_DIR works like --data-dir.
    let shown = Command::new(env!("CARGO_BIN_EXE_copy-that"))
        .args(["show", "Site", "--json"])
        .env("COPY_THAT_DATA_DIR", &data)
        .output()
        .expect("show");
    assert!(shown.status.success(), "{}", stderr(&shown));
    let shown: serde_json::Value = serde_json::from_str(&stdout(&shown)).expect("json");
    let values = |v: &serde_json::Value| -> Vec<f64> {
        v["tokens"]
            .as_array()
            .expect("tokens")
            .iter()
            .map(|t| t["value_px"].as_f64().expect("px"))
            .collect()
    };
    assert_eq!(values(&shown), values(&saved));
    assert!(values(&shown).contains(&24.0));
    assert_eq!(
        shown["statistics"]["base_unit"],
        saved["statistics"]["base_unit"]
    );
    assert_eq!(
        shown["tokens"][0]["occurrence_count"],
        saved["tokens"][0]["occurrence_count"]
    );

    let missing = copy_that(&["--data-dir", data_arg, "show", "Nope"], None);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("no project named \"Nope\""),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn a_corrupt_database_is_reported_and_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("copy-that.db");
    std::fs::write(&db, "not a database at all ".repeat(200)).expect("write");
    let o = copy_that(
        &[
            "--data-dir",
            dir.path().to_str().expect("utf-8"),
            "projects",
        ],
        None,
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("is damaged or is not a database"),
        "{}",
        stderr(&o)
    );
    let kept = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().contains(".corrupt-"));
    assert!(kept);
}

#[test]
fn export_writes_the_chosen_formats_from_a_library_or_a_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = dir.path().join("library.json");
    let agg = copy_that(&["aggregate", "-", "--json"], Some(BATCH));
    std::fs::write(&lib, agg.stdout).expect("library");
    let out = dir.path().join("out");
    let o = copy_that(
        &[
            "export",
            "--from",
            lib.to_str().expect("utf-8"),
            "--format",
            "css,dtcg",
            "-o",
            out.to_str().expect("utf-8"),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let css = std::fs::read_to_string(out.join("spacing.css")).expect("css");
    assert!(css.contains("--spacing-4: 16px;"), "{css}");
    let dtcg: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("tokens.json")).expect("dtcg"))
            .expect("json");
    assert_eq!(dtcg["spacing"]["4"]["$value"]["value"], 16.0);
    let t_shirt = dir.path().join("t-shirt");
    let o = copy_that(
        &[
            "export",
            "--from",
            lib.to_str().expect("utf-8"),
            "--format",
            "css",
            "--naming",
            "t-shirt",
            "-o",
            t_shirt.to_str().expect("utf-8"),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let css = std::fs::read_to_string(t_shirt.join("spacing.css")).expect("css");
    assert!(css.contains("--spacing-md: 16px;"), "{css}");
    assert!(!out.join("spacing.ts").exists(), "only the chosen formats");

    let list = copy_that(&["export", "--list-formats"], None);
    for name in [
        "dtcg",
        "style-dictionary",
        "css",
        "scss",
        "ts",
        "tailwind-v4",
        "tailwind-v3",
        "figma",
        "android",
        "ios",
        "flutter",
    ] {
        assert!(stdout(&list).lines().any(|l| l.starts_with(name)), "{name}");
    }
    let bad = copy_that(
        &[
            "export",
            "--from",
            lib.to_str().expect("utf-8"),
            "--format",
            "pdf",
            "-o",
            out.to_str().expect("utf-8"),
        ],
        None,
    );
    assert!(
        stderr(&bad).contains("unknown format \"pdf\""),
        "{}",
        stderr(&bad)
    );

    // From a saved project, in rem.
    let data = dir.path().join("data");
    let shot = screenshot(dir.path(), "a.png");
    let data_arg = data.to_str().expect("utf-8");
    assert!(copy_that(
        &[
            "--data-dir",
            data_arg,
            "extract",
            shot.to_str().expect("utf-8"),
            "--project",
            "P"
        ],
        None
    )
    .status
    .success());
    let proj_out = dir.path().join("proj");
    let o = copy_that(
        &[
            "--data-dir",
            data_arg,
            "export",
            "--project",
            "P",
            "--format",
            "scss",
            "--unit",
            "rem",
            "-o",
            proj_out.to_str().expect("utf-8"),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let scss = std::fs::read_to_string(proj_out.join("_spacing.scss")).expect("scss");
    assert!(scss.contains("rem;"), "{scss}");
}

#[test]
fn import_reads_a_dtcg_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("tokens.json");
    std::fs::write(&f, r#"{"space": {"$type": "dimension", "sm": {"$value": {"value": 8, "unit": "px"}}, "md": {"$value": "1rem"}}}"#).expect("write");
    let o = copy_that(&["import", f.to_str().expect("utf-8"), "--json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["tokens"][0]["value_px"], 8.0);
    assert_eq!(v["tokens"][1]["name"], "space.md");
}
