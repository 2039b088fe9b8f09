//! After a damaged database is set aside, the next command does not silently run on the new,
//! empty database that replaces it: it says so, once.

use std::process::{Command, Output};

fn projects(dir: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copy-that"))
        .args(["--data-dir", dir.to_str().expect("utf-8"), "projects"])
        .output()
        .expect("run copy-that")
}

#[test]
fn the_command_after_a_database_is_set_aside_says_it_starts_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("copy-that.db"),
        "not a database ".repeat(300),
    )
    .expect("write");
    let first = projects(dir.path());
    assert!(!first.status.success());
    let err = String::from_utf8_lossy(&first.stderr);
    assert!(err.contains("was moved to"), "{err}");

    let second = projects(dir.path());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(second.status.success(), "{err}");
    assert!(err.contains("set aside as"), "{err}");
    assert!(err.contains("new, empty database"), "{err}");

    let third = projects(dir.path());
    let err = String::from_utf8_lossy(&third.stderr);
    assert!(third.status.success(), "{err}");
    assert!(!err.contains("set aside"), "said once: {err}");
}
