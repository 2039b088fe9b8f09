//! `copy-that extract` runs the app's pipeline: what it saves is what the app saves (thumbnail,
//! source path), it refuses what the app refuses (pipes, devices, huge files), and `--threshold`
//! reaches a project. Each test is named after what broke when the CLI had a flow of its own.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use copy_that_pipeline::{run_batch, Settings};
use copy_that_store::{ImageRecord, Store};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

mod common;
use common::screenshot;

fn copy_that(args: &[&str], cwd: &Path) -> Output {
    common::copy_that_command(args)
        .current_dir(cwd)
        .output()
        .expect("run copy-that")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", err(o));
    serde_json::from_slice(&o.stdout).expect("json on stdout")
}

/// A project's one image as the app's commands read it: its record and its thumbnail.
/// A job row as compared: its source, how many measurements, each one's value and confidence.
type JobRow = (String, usize, Vec<(f64, f64)>);

/// What a project holds after one image was added: the image row, its thumbnail, the project's
/// merge threshold and its job rows (source and measurements).
struct Saved {
    image: ImageRecord,
    thumbnail: Vec<u8>,
    threshold: f64,
    jobs: Vec<JobRow>,
}

async fn saved_image(data: &Path, project: &str) -> Saved {
    let store = Store::open_dir(data).await.expect("open");
    let p = store.project(project).await.expect("project");
    let images = store.images(p.id).await.expect("images");
    assert_eq!(images.len(), 1, "{images:?}");
    let thumbnail = store.thumbnail(images[0].id).await.expect("thumbnail");
    let ids: Vec<u32> = store
        .latest_jobs(p.id)
        .await
        .expect("jobs")
        .into_iter()
        .map(|(_, job)| job)
        .collect();
    let jobs = store
        .jobs(&ids)
        .await
        .expect("job rows")
        .into_iter()
        .map(|j| {
            let values = j
                .measurements
                .iter()
                .map(|m| (m.value_px, m.confidence))
                .collect();
            (format!("{:?}", j.source), j.measurements.len(), values)
        })
        .collect();
    store.close().await;
    Saved {
        image: images[0].clone(),
        thumbnail,
        threshold: p.threshold.get(),
        jobs,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cli_saved_image_has_thumbnail() {
    let dir = tempfile::tempdir().expect("tempdir");
    let shots = dir.path().join("shots");
    std::fs::create_dir(&shots).expect("mkdir");
    let shot = screenshot(&shots, "home.png");
    // A relative path, as typed in a shell: saved in the same form as the app's absolute one.
    let cli_data = dir.path().join("cli");
    let o = copy_that(
        &[
            "--data-dir",
            cli_data.to_str().expect("utf-8"),
            "extract",
            "shots/home.png",
            "--project",
            "Site",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", err(&o));
    let cli = saved_image(&cli_data, "Site").await;
    let (cli_image, cli_thumb) = (&cli.image, &cli.thumbnail);

    // The app's command: the pipeline's batch on the absolute path the native dialog gives.
    let app_data = dir.path().join("app");
    let store = Store::open_dir(&app_data).await.expect("open");
    store.create_project("Site").await.expect("project");
    let summary = run_batch(
        &store,
        "Site",
        std::slice::from_ref(&shot),
        &Settings::default(),
        None,
        &CancellationToken::new(),
        Arc::new(|_| {}),
    )
    .await
    .expect("batch");
    assert_eq!(summary.saved, 1);
    store.close().await;
    let app = saved_image(&app_data, "Site").await;
    let (app_image, app_thumb) = (&app.image, &app.thumbnail);

    assert!(
        !cli_thumb.is_empty(),
        "the app would say: this image has no thumbnail"
    );
    let thumb = image::load_from_memory(cli_thumb).expect("a PNG");
    assert!(thumb.width().max(thumb.height()) <= 320);
    assert_eq!(cli_thumb, app_thumb, "one thumbnail maker");
    let canonical = std::fs::canonicalize(&shot).expect("canonical");
    assert_eq!(
        cli_image.source_path.as_deref(),
        Some(canonical.to_str().expect("utf-8"))
    );
    assert_eq!(cli_image.source_path, app_image.source_path);
    assert_eq!(
        (&cli_image.file_name, &cli_image.content_hash, cli_image.dpr),
        (&app_image.file_name, &app_image.content_hash, app_image.dpr)
    );
    // The same project settings and the same job rows: one flow, not two that look alike.
    assert_eq!(cli.threshold, app.threshold);
    assert_eq!(cli.jobs.len(), 1, "{:?}", cli.jobs);
    assert!(cli.jobs[0].1 > 0, "the job keeps its measurements");
    assert_eq!(cli.jobs, app.jobs);
}

/// Runs `copy-that` until it exits, or fails the test when it has not after `limit`.
fn finishes_within(mut cmd: Command, limit: Duration) -> (bool, String, String) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = r.read_to_string(&mut s);
            s
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let errs = drain(Box::new(child.stderr.take().expect("stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("copy-that still running after {limit:?}: it is blocked reading something");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (out, errs) = (out.join().expect("stdout"), errs.join().expect("stderr"));
    (status.success(), out, errs)
}

#[cfg(unix)]
#[test]
fn cli_refuses_fifo_without_hanging() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let a = screenshot(d, "a.png");
    let b = screenshot(d, "b.png");
    let fifo = d.join("x.png");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // Past the size limit (sparse: nothing is written), refused without being read whole.
    let huge = d.join("huge.png");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(257 * 1024 * 1024))
        .expect("sparse file");
    let arg = |p: &PathBuf| p.to_str().expect("utf-8").to_string();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copy-that"));
    cmd.args([
        "extract",
        &arg(&a),
        &arg(&fifo),
        &arg(&huge),
        &arg(&b),
        "--json",
    ]);
    let (ok, out, errs) = finishes_within(cmd, Duration::from_secs(60));
    assert!(ok, "{errs}");
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["statistics"]["image_count"], 2, "{errs}");
    assert_eq!(v["images"].as_array().expect("images").len(), 2);
    assert!(
        errs.contains("skipped") && errs.contains("x.png: not a regular file"),
        "{errs}"
    );
    assert!(
        errs.contains("huge.png: it could not be read (larger than 256 MB)"),
        "{errs}"
    );
}

fn values(v: &Value) -> Vec<(f64, u64)> {
    v["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|t| {
            (
                t["value_px"].as_f64().expect("px"),
                t["occurrence_count"].as_u64().expect("count"),
            )
        })
        .collect()
}

#[test]
fn threshold_with_project_not_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    screenshot(d, "a.png");
    let data = d.join("data");
    let data = data.to_str().expect("utf-8");
    let extract = |extra: &[&str]| {
        let mut args = vec!["--data-dir", data, "extract", "a.png", "--json"];
        args.extend_from_slice(extra);
        copy_that(&args, d)
    };
    let wide_alone = json(&extract(&["--threshold", "0.4"]));
    let narrow_alone = json(&extract(&["--threshold", "0.05"]));
    assert_ne!(
        values(&wide_alone),
        values(&narrow_alone),
        "the image must show the threshold"
    );

    let wide = json(&extract(&["--project", "P", "--threshold", "0.4"]));
    assert_eq!(values(&wide), values(&wide_alone));
    let list = json(&copy_that(&["--data-dir", data, "projects", "--json"], d));
    assert_eq!(list[0]["threshold"], 0.4, "the project keeps it");

    // Without --threshold a project keeps its own; with one, it changes.
    let again = json(&extract(&["--project", "P"]));
    assert_eq!(values(&again), values(&wide_alone));
    let narrow = json(&extract(&["--project", "P", "--threshold", "0.05"]));
    assert_eq!(values(&narrow), values(&narrow_alone));

    // A threshold no library can use is refused before anything is measured or created.
    let bad = extract(&["--project", "Q", "--threshold", "1"]);
    assert!(!bad.status.success());
    assert!(
        err(&bad).contains("merge threshold 1 must be between 0 and 1"),
        "{}",
        err(&bad)
    );
    let list = json(&copy_that(&["--data-dir", data, "projects", "--json"], d));
    assert_eq!(list.as_array().expect("list").len(), 1, "{list}");
}
