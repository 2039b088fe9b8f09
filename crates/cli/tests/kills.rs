//! Soak: `copy-that extract --project` killed with SIGKILL forty times at different points of a
//! batch (before the database exists, between jobs, inside a job's transaction, during the
//! library's rebuild), into the same project. After every kill the project is consistent: the
//! database passes its integrity check, no image is without the job that measured it, nothing
//! committed is lost, and `show` lists a library built from every image `projects` counts
//! (before, a kill between a job and the rebuild left `show` on a library missing the newest
//! images).

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::{Connection, SqliteConnection};

mod common;

const ROUNDS: u32 = 40;
const PER_BATCH: u32 = 5;
const PROJECT: &str = "Kills";

/// Successful jobs in the database, or 0 while it does not exist yet.
async fn done_jobs(db: &Path) -> i64 {
    let url = format!("sqlite://{}?mode=ro", db.display());
    let Ok(mut conn) = SqliteConnection::connect(&url).await else {
        return 0;
    };
    let n = sqlx::query_scalar("SELECT count(*) FROM jobs WHERE status = 'done'")
        .fetch_one(&mut conn)
        .await
        .unwrap_or(0);
    let _ = conn.close().await;
    n
}

fn cli_json(data: &Path, args: &[&str]) -> Value {
    let out = common::copy_that_in(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_kills_mid_batch_leave_the_project_consistent_and_show_every_image() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let db = data.join(copy_that_store::DB_FILE);
    let mut images_before = 0u64;
    let mut stale_rebuilt = 0;
    for round in 0..ROUNDS {
        let batch = dir.path().join(format!("b{round:02}"));
        std::fs::create_dir(&batch).expect("dir");
        let mut args = vec![
            "--data-dir".to_string(),
            data.display().to_string(),
            "extract".into(),
        ];
        for i in 0..PER_BATCH {
            let path = batch.join(format!("s{i}.png"));
            let bytes = copy_that_bad_inputs::numbered_page(640, 400, round * PER_BATCH + i);
            std::fs::write(&path, bytes).expect("write");
            args.push(path.display().to_string());
        }
        args.extend(["--project".into(), PROJECT.into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();

        // Kill once the k-th job of this batch is committed (k = 0: at once, maybe before the
        // database exists; k = PER_BATCH: while the batch merges and exits).
        let before = done_jobs(&db).await;
        let k = i64::from(round % (PER_BATCH + 1));
        let mut child = common::copy_that_command(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let deadline = Instant::now() + Duration::from_secs(120);
        while done_jobs(&db).await < before + k {
            if child.try_wait().expect("poll child").is_some() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "round {round}: no progress in 120 s"
            );
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let _ = child.kill();
        child.wait().expect("reap");
        let committed = done_jobs(&db).await;
        assert!(
            committed >= before + k,
            "round {round}: a committed job is gone"
        );

        if !db.exists() {
            continue;
        }
        let url = format!("sqlite://{}?mode=ro", db.display());
        let mut conn = SqliteConnection::connect(&url)
            .await
            .expect("open after kill");
        let check: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .expect("integrity_check");
        assert_eq!(check, "ok", "round {round}");
        let tables: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'images'",
        )
        .fetch_one(&mut conn)
        .await
        .expect("schema");
        if tables == 0 {
            // Killed while the first run created the database: the next run migrates it.
            assert_eq!(committed, 0, "round {round}");
            continue;
        }
        let jobless: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM images i WHERE NOT EXISTS
               (SELECT 1 FROM jobs j WHERE j.image_id = i.id AND j.status = 'done')",
        )
        .fetch_one(&mut conn)
        .await
        .expect("jobless images");
        assert_eq!(
            jobless, 0,
            "round {round}: an image without the job that measured it"
        );
        let _ = conn.close().await;

        let projects = cli_json(&data, &["projects", "--json"]);
        let Some(project) = projects
            .as_array()
            .expect("list")
            .iter()
            .find(|p| p["name"] == PROJECT)
        else {
            assert_eq!(committed, 0, "round {round}: jobs without their project");
            continue;
        };
        let images = project["image_count"].as_u64().expect("image_count");
        assert!(images >= images_before, "round {round}: images were lost");
        let shown = cli_json(&data, &["show", PROJECT, "--json"]);
        let in_library = shown["statistics"]["image_count"]
            .as_u64()
            .expect("image_count");
        assert_eq!(
            in_library, images,
            "round {round}: `show` is built from {in_library} images, the project has {images}"
        );
        if images > images_before && k < i64::from(PER_BATCH) {
            stale_rebuilt += 1;
        }
        images_before = images;
    }
    assert!(
        images_before > 0,
        "some batches got far enough to keep images"
    );
    println!("{ROUNDS} kills: {images_before} images kept, every round consistent ({stale_rebuilt} rounds killed before the batch's last merge)");
}
