//! The writer against a hostile output folder: symlinks planted where temporary or final files go.

#![cfg(unix)]

use std::os::unix::fs::symlink;

use copy_that_export::{write_all, write_file, ExportOptions};
use copy_that_spacing::{aggregate, AggregateOptions, Measurement, SpacingType};

fn library() -> copy_that_spacing::SpacingLibrary {
    let m: Vec<Measurement> = [8.0, 16.0, 24.0]
        .iter()
        .map(|v| Measurement::new(*v, 0.9, SpacingType::Padding).expect("measurement"))
        .collect();
    aggregate(&[m], &AggregateOptions::default()).expect("library")
}

#[test]
fn a_symlink_planted_at_the_old_temporary_name_is_not_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("out");
    symlink(&victim, out.join(".spacing.css.tmp")).expect("plant");
    // The final name a symlink too: it is replaced by the file, the file it points to untouched.
    symlink(&victim, out.join("spacing.css")).expect("plant");
    let written = write_all(&out, &["css"], &library(), &ExportOptions::default()).expect("write");
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), "precious");
    let meta = std::fs::symlink_metadata(&written[0]).expect("meta");
    assert!(
        meta.file_type().is_file(),
        "spacing.css is a regular file now"
    );
    assert!(std::fs::read_to_string(&written[0])
        .expect("css")
        .contains("px"));
    // Nothing left behind but the planted link and the output.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".spacing.css.tmp", "spacing.css"]);
}

#[test]
fn write_file_replaces_atomically_and_reports_an_unwritable_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("tokens.json");
    write_file(&target, b"one").expect("first");
    write_file(&target, b"two").expect("second");
    assert_eq!(std::fs::read(&target).expect("read"), b"two");
    let e = write_file(&dir.path().join("missing/tokens.json"), b"x").unwrap_err();
    assert!(e.to_string().starts_with("could not write"), "{e}");
}
