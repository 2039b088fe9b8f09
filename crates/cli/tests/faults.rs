//! Damaged surroundings through the CLI: a data folder that is full (a 2 MB tmpfs) or read-only
//! (the same tmpfs remounted read-only). Each command says so in plain words (it was
//! "(code: 4874) disk I/O error" and "(code: 14) unable to open database file", for `projects` too),
//! and what was saved before is all there once the folder is writable again.
//!
//! Mounting needs root. As any other user each test reruns itself in a user and mount namespace
//! (`unshare -rm`), where it is root of its own mounts.

#![cfg(target_os = "linux")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::copy_that_in as cli;

fn running_as_root() -> bool {
    copy_that_bad_inputs::running_as_root()
}

/// As a non-root user: runs `test` again inside `unshare -rm` and returns true (the caller stops).
fn rerun_as_namespace_root(test: &str) -> bool {
    if running_as_root() {
        return false;
    }
    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "--"])
        .arg(std::env::current_exe().expect("test binary"))
        .args(["--exact", test, "--test-threads=1"])
        .output()
        .expect("unshare");
    assert!(
        out.status.success(),
        "{test} in a namespace:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    true
}

/// A tmpfs of `size` mounted on a new folder, unmounted when dropped (before its parent folder is
/// removed).
struct Tmpfs {
    dir: PathBuf,
    _parent: tempfile::TempDir,
}

impl Tmpfs {
    fn new(size: &str) -> Self {
        let parent = tempfile::tempdir().expect("tempdir");
        let dir = parent.path().join("data");
        std::fs::create_dir(&dir).expect("dir");
        mount(
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"],
            &dir,
        );
        Tmpfs {
            dir,
            _parent: parent,
        }
    }
    fn remount(&self, mode: &str) {
        mount(&["-o", &format!("remount,{mode}")], &self.dir);
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

fn mount(args: &[&str], dir: &Path) {
    let s = Command::new("mount")
        .args(args)
        .arg(dir)
        .status()
        .expect("mount");
    assert!(s.success(), "mount {args:?} {}", dir.display());
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The project as `show --json` prints it, and how many images `projects --json` counts.
fn saved(data: &Path) -> (String, u64) {
    let show = cli(data, &["show", "Kept", "--json"]);
    assert!(show.status.success(), "{}", stderr(&show));
    let list = cli(data, &["projects", "--json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let projects: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    let images = projects
        .as_array()
        .and_then(|a| a.iter().find(|p| p["name"] == "Kept"))
        .and_then(|p| p["image_count"].as_u64().or(p["images"].as_u64()))
        .unwrap_or_else(|| panic!("no image count in {projects}"));
    (String::from_utf8_lossy(&show.stdout).into_owned(), images)
}

/// A saved project in `data`: one screenshot.
fn save_one(data: &Path, shots: &Path) {
    let shot = common::screenshot(shots, "first.png");
    let out = cli(
        data,
        &[
            "extract",
            shot.to_str().expect("utf-8"),
            "--project",
            "Kept",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

fn assert_clear(what: &str, o: &Output, words: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{what}: {err}");
    assert!(err.contains(words), "{what}: wanted {words:?} in {err}");
    assert!(!err.contains("code:"), "{what}: a raw database code: {err}");
}

#[test]
fn a_full_data_folder_is_a_clear_error_and_loses_nothing_saved() {
    if rerun_as_namespace_root("a_full_data_folder_is_a_clear_error_and_loses_nothing_saved") {
        return;
    }
    let shots = tempfile::tempdir().expect("tempdir");
    let fs = Tmpfs::new("2m");
    save_one(&fs.dir, shots.path());
    let before = saved(&fs.dir);
    assert_eq!(before.1, 1);

    // Fill the disk to the last byte.
    let filler = fs.dir.join("filler");
    let mut f = std::fs::File::create(&filler).expect("filler");
    let chunk = vec![0u8; 64 * 1024];
    while std::io::Write::write_all(&mut f, &chunk).is_ok() {}
    drop(f);

    let second = common::screenshot(shots.path(), "second.png");
    let out = cli(
        &fs.dir,
        &[
            "extract",
            second.to_str().expect("utf-8"),
            "--project",
            "Kept",
        ],
    );
    assert_clear("extract", &out, "is full");
    for args in [&["projects"][..], &["show", "Kept"][..]] {
        let out = cli(&fs.dir, args);
        // Reading may still work (SQLite reads without new space); if it fails, it says why.
        if !out.status.success() {
            assert_clear(&format!("{args:?}"), &out, "is full");
        }
    }

    std::fs::remove_file(&filler).expect("free the space");
    assert_eq!(saved(&fs.dir), before, "what was saved is all there");
}

#[test]
fn a_read_only_data_folder_is_a_clear_error_and_loses_nothing_saved() {
    if rerun_as_namespace_root("a_read_only_data_folder_is_a_clear_error_and_loses_nothing_saved") {
        return;
    }
    let shots = tempfile::tempdir().expect("tempdir");
    let fs = Tmpfs::new("16m");
    save_one(&fs.dir, shots.path());
    let before = saved(&fs.dir);

    fs.remount("ro");
    let second = common::screenshot(shots.path(), "second.png");
    for args in [
        &["projects"][..],
        &["show", "Kept"][..],
        &[
            "extract",
            second.to_str().expect("utf-8"),
            "--project",
            "Kept",
        ][..],
    ] {
        let out = cli(&fs.dir, args);
        assert_clear(&format!("{args:?}"), &out, "Read-only file system");
    }

    fs.remount("rw");
    assert_eq!(saved(&fs.dir), before, "what was saved is all there");
}

/// Another program (here Python's sqlite3) holding the database's write lock.
struct LockHolder(std::process::Child);

impl LockHolder {
    fn hold(db: &Path) -> LockHolder {
        use std::io::BufRead;
        let script = "import sqlite3, sys\n\
             c = sqlite3.connect(sys.argv[1], isolation_level=None)\n\
             c.execute('BEGIN EXCLUSIVE')\n\
             print('held', flush=True)\n\
             sys.stdin.read()\n";
        let mut child = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(db)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 (see scripts/setup.sh)");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read");
        assert_eq!(line.trim(), "held", "the lock was not taken");
        LockHolder(child)
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        // Closing its stdin ends the script, which releases the lock.
        drop(self.0.stdin.take());
        let _ = self.0.wait();
    }
}

#[test]
fn a_lock_held_by_another_process_is_a_clear_error_and_loses_nothing_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, shots) = (dir.path().join("data"), dir.path().join("shots"));
    std::fs::create_dir_all(&shots).expect("dir");
    save_one(&data, &shots);
    let before = saved(&data);
    let second = shots.join("second.png");
    std::fs::write(&second, copy_that_bad_inputs::numbered_page(640, 400, 2)).expect("write");
    let second = second.to_str().expect("utf-8");
    {
        let _lock = LockHolder::hold(&data.join(copy_that_store::DB_FILE));
        let out = cli(&data, &["extract", second, "--project", "Kept"]);
        assert_clear("extract --project", &out, "locked by another program");
        // Reading goes on beside a writer (the database is in WAL mode).
        let list = cli(&data, &["projects", "--json"]);
        assert!(list.status.success(), "projects: {}", stderr(&list));
    }
    assert_eq!(saved(&data), before, "nothing saved was lost or changed");
    let out = cli(&data, &["extract", second, "--project", "Kept"]);
    assert!(out.status.success(), "after the lock: {}", stderr(&out));
    assert_eq!(saved(&data).1, 2);
}
