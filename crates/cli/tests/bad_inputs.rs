//! The bad-input corpus (tests/bad_inputs: truncated files, bombs, odd colour types, other
//! formats, links, pipes, devices, unreadable files, names that are not UTF-8…) through the
//! CLI, each file alone and into a project: the outcome each must have, in the words the user
//! reads; never a panic, never a hang (each run is waited on with a deadline and killed past it),
//! and at most 1 GiB of memory for any image (the child's peak resident size, from GNU time).
//! The unreadable file is tried as `nobody` when the tests run as root, whom permissions do not
//! stop.

#![cfg(target_os = "linux")]

use std::ffi::{OsStr, OsString};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use copy_that_bad_inputs::{build, running_as_root, Case, Expect};

/// The peak any one image may take.
const MAX_RSS_KB: u64 = 1024 * 1024;
/// Far longer than any case takes in a debug build on a loaded machine (the largest raster takes
/// about 12 s): past it, the run counts as a hang.
const DEADLINE: Duration = Duration::from_secs(300);
const NOBODY: &str = "65534";

struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
    max_rss_kb: u64,
    elapsed: Duration,
}

/// The CLI binary at a path every user can reach: the build directory may sit under a home
/// folder closed to others, so it is linked (or copied) into `dir`.
fn reachable_binary(dir: &Path) -> PathBuf {
    let bin = dir.join("copy-that");
    let built = env!("CARGO_BIN_EXE_copy-that");
    if std::fs::hard_link(built, &bin).is_err() {
        std::fs::copy(built, &bin).expect("copy the binary");
    }
    bin
}

/// Runs `bin args` under GNU time, as `nobody` when asked, and waits for it up to [`DEADLINE`].
fn run(bin: &Path, args: &[OsString], as_nobody: bool, scratch: &Path) -> Run {
    run_with(bin, args, as_nobody, scratch, &[])
}

/// [`run`] with extra environment variables (a provider's key).
fn run_with(
    bin: &Path,
    args: &[OsString],
    as_nobody: bool,
    scratch: &Path,
    env: &[(&str, &str)],
) -> Run {
    let rss_file = scratch.join("rss");
    let mut cmd = Command::new("/usr/bin/time");
    cmd.arg("-f").arg("%M").arg("-o").arg(&rss_file);
    if as_nobody {
        cmd.args([
            "setpriv",
            &format!("--reuid={NOBODY}"),
            &format!("--regid={NOBODY}"),
            "--clear-groups",
        ]);
    }
    cmd.arg(bin)
        .args(args)
        // No keyring of the machine is in reach (as in tests/common).
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        // Runs without --data-dir look in a folder of the test's, never the machine's own.
        .env("COPY_THAT_DATA_DIR", scratch.join("default-data"))
        .envs(env.iter().copied())
        // Its own process group, so a hang is killed whole (GNU time and the CLI under it).
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let child = cmd
        .spawn()
        .expect("spawn /usr/bin/time (GNU time, see scripts/setup.sh)");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let output = match rx.recv_timeout(DEADLINE) {
        Ok(out) => out.expect("wait for copy-that"),
        Err(_) => {
            // Our own child's process group, by its id.
            let _ = Command::new("kill")
                .args(["-9", "--", &format!("-{pid}")])
                .status();
            panic!("copy-that {args:?} did not finish within {DEADLINE:?} (a hang)");
        }
    };
    let elapsed = started.elapsed();
    let rss = std::fs::read_to_string(&rss_file).unwrap_or_default();
    // GNU time prints "Command exited with non-zero status 1" before the figure.
    let max_rss_kb = rss
        .lines()
        .rev()
        .find_map(|l| l.trim().parse::<u64>().ok())
        .unwrap_or_else(|| panic!("no peak memory reported for {args:?}: {rss:?}"));
    Run {
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        max_rss_kb,
        elapsed,
    }
}

/// What every run must show whatever the file: a clean exit, no panic, no raw terminal escape,
/// memory within the bound.
fn check_clean(case: &str, r: &Run) {
    let code = r.status.code();
    assert!(
        matches!(code, Some(0) | Some(1)),
        "{case}: exit {:?} (a crash or a signal)\n{}",
        r.status,
        r.stderr
    );
    for bad in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(!r.stderr.contains(bad), "{case}: {bad}\n{}", r.stderr);
    }
    assert!(
        !r.stderr.contains('\x1b') && !r.stdout.contains('\x1b'),
        "{case}: a raw escape reached the terminal\n{}",
        r.stderr
    );
    assert!(
        r.max_rss_kb <= MAX_RSS_KB,
        "{case}: peak {} MB",
        r.max_rss_kb / 1024
    );
}

fn check_outcome(case: &Case, r: &Run, mode: &str) {
    let label = format!("{} ({mode})", case.label);
    check_clean(&label, r);
    match &case.expect {
        Expect::Measured => {
            assert!(r.status.success(), "{label}: refused\n{}", r.stderr);
            assert!(!r.stdout.trim().is_empty(), "{label}: printed nothing");
        }
        Expect::Failed(why) | Expect::Skipped(why) => {
            assert_eq!(r.status.code(), Some(1), "{label}: measured\n{}", r.stdout);
            assert!(
                r.stderr.contains(why),
                "{label}: wanted {why:?} in\n{}",
                r.stderr
            );
            assert!(
                r.stderr.contains("no image could be measured"),
                "{label}:\n{}",
                r.stderr
            );
        }
        Expect::NoImages => {
            assert_eq!(r.status.code(), Some(1), "{label}:\n{}", r.stdout);
            assert!(
                r.stderr.contains("no image could be measured"),
                "{label}:\n{}",
                r.stderr
            );
        }
    }
}

fn args(parts: &[&OsStr]) -> Vec<OsString> {
    parts.iter().map(|p| p.to_os_string()).collect()
}

#[cfg(unix)]
fn open_to_all(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o777)).expect("chmod");
}

#[test]
fn every_bad_input_through_the_cli_alone_and_into_a_project() {
    let root = tempfile::tempdir().expect("tempdir");
    open_to_all(root.path());
    let corpus = root.path().join("corpus");
    std::fs::create_dir(&corpus).expect("dir");
    let cases = build(&corpus);
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let bin = reachable_binary(root.path());
    let data = root.path().join("data");
    std::fs::create_dir(&data).expect("dir");
    open_to_all(&data);
    let as_root = running_as_root();
    // The unprivileged run gets a data folder of its own: the database the root runs created is
    // root's, which `nobody` may not write.
    let nobody_data = root.path().join("nobody-data");
    std::fs::create_dir(&nobody_data).expect("dir");
    open_to_all(&nobody_data);

    let mut peak = (0u64, String::new());
    let mut slowest = (Duration::ZERO, String::new());
    for case in &cases {
        let nobody = case.unreadable && as_root;
        let path = case.path.as_os_str();
        let alone = run(
            &bin,
            &args(&[OsStr::new("extract"), path]),
            nobody,
            root.path(),
        );
        check_outcome(case, &alone, "alone");
        let project = run(
            &bin,
            &args(&[
                OsStr::new("--data-dir"),
                if nobody { &nobody_data } else { &data }.as_os_str(),
                OsStr::new("extract"),
                path,
                OsStr::new("--project"),
                OsStr::new("Bad"),
            ]),
            nobody,
            root.path(),
        );
        check_outcome(case, &project, "--project");
        for r in [&alone, &project] {
            if r.max_rss_kb > peak.0 {
                peak = (r.max_rss_kb, case.label.clone());
            }
            if r.elapsed > slowest.0 {
                slowest = (r.elapsed, case.label.clone());
            }
        }
    }
    let measured = cases
        .iter()
        .filter(|c| c.expect == Expect::Measured)
        .count();
    println!(
        "{} bad inputs, {} runs: {measured} measured, {} refused; peak {} MB ({}); slowest {:.1} s ({})",
        cases.len(),
        cases.len() * 2,
        cases.len() - measured,
        peak.0 / 1024,
        peak.1,
        slowest.0.as_secs_f64(),
        slowest.1
    );

    // What the project kept from all those runs is intact and readable.
    let show = run(
        &bin,
        &args(&[
            OsStr::new("--data-dir"),
            data.as_os_str(),
            OsStr::new("show"),
            OsStr::new("Bad"),
            OsStr::new("--json"),
        ]),
        false,
        root.path(),
    );
    check_clean("show", &show);
    assert!(show.status.success(), "{}", show.stderr);
    let lib: serde_json::Value = serde_json::from_str(&show.stdout).expect("show --json");
    assert!(
        lib["tokens"].as_array().is_some_and(|t| !t.is_empty()),
        "{}",
        show.stdout
    );
}

#[test]
fn the_whole_corpus_in_one_batch_keeps_every_good_image() {
    let root = tempfile::tempdir().expect("tempdir");
    let corpus = root.path().join("corpus");
    std::fs::create_dir(&corpus).expect("dir");
    // The largest raster is left out: it is tried alone above, and with it every batch would
    // take its seconds.
    let cases: Vec<Case> = build(&corpus)
        .into_iter()
        .filter(|c| !c.largest && !c.unreadable)
        .collect();
    let bin = reachable_binary(root.path());
    let data = root.path().join("data");
    let mut argv = args(&[
        OsStr::new("--data-dir"),
        data.as_os_str(),
        OsStr::new("extract"),
        OsStr::new("--project"),
        OsStr::new("Batch"),
        OsStr::new("--json"),
    ]);
    argv.extend(cases.iter().map(|c| c.path.clone().into_os_string()));
    let r = run(&bin, &argv, false, root.path());
    check_clean("batch", &r);
    assert!(r.status.success(), "{}", r.stderr);
    for c in &cases {
        if let Expect::Failed(why) | Expect::Skipped(why) = &c.expect {
            assert!(
                r.stderr.contains(why),
                "{}: {why:?} not said\n{}",
                c.label,
                r.stderr
            );
        }
    }
    let out: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let images = out["images"].as_array().expect("images").len();
    let measured = cases
        .iter()
        .filter(|c| c.expect == Expect::Measured)
        .count();
    // Files of the same bytes under several names are one image of the project (deduplicated by
    // content), so at least the distinct ones and at most every measured case.
    assert!(
        images >= 10 && images <= measured,
        "{images} images for {measured} measured cases"
    );
}

#[test]
fn a_huge_png_sent_to_an_ai_provider_is_refused_from_its_header_like_the_local_path() {
    // The AI engines prepare the image through the same decoder as the local one: a 279 KB
    // 16000×16000 grey PNG (256 megapixels, a 1 GB raster) must be refused from its header before
    // anything is allocated or sent, whichever engine is asked. The keys are sentinels and no
    // server is reachable: a request would fail with another message.
    let root = tempfile::tempdir().expect("tempdir");
    let bin = reachable_binary(root.path());
    let shot = root.path().join("grey16000.png");
    std::fs::write(&shot, copy_that_bad_inputs::grey_bomb(16_000, 16_000)).expect("write");
    let cases: [(&str, &[(&str, &str)]); 3] = [
        ("local", &[]),
        (
            "claude",
            &[("ANTHROPIC_API_KEY", "sk-ant-sentinel-never-sent")],
        ),
        ("openai", &[("OPENAI_API_KEY", "sk-sentinel-never-sent")]),
    ];
    for (provider, env) in cases {
        let r = run_with(
            &bin,
            &args(&[
                OsStr::new("extract"),
                shot.as_os_str(),
                OsStr::new("--provider"),
                OsStr::new(provider),
            ]),
            false,
            root.path(),
            env,
        );
        check_clean(provider, &r);
        assert!(!r.status.success(), "{provider}: {}", r.stderr);
        assert!(
            r.stderr.contains("16000×16000 px") && r.stderr.contains("are supported"),
            "{provider}: {}",
            r.stderr
        );
        assert!(
            !r.stderr.contains("could not reach"),
            "{provider}: a request was attempted: {}",
            r.stderr
        );
        // Refused from the header: the process stays near its own size.
        assert!(
            r.max_rss_kb < 64 * 1024,
            "{provider}: peak {} KB before refusing",
            r.max_rss_kb
        );
    }
}
