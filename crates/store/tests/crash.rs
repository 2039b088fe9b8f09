//! A writer killed with SIGKILL at arbitrary points never leaves a damaged database, a lost
//! commit, or a half-written job.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use sqlx::{Connection, Row};

#[tokio::test]
async fn killing_a_writer_mid_batch_loses_nothing_committed_and_shows_nothing_partial() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("crash.db");
    let mut committed: Vec<(i64, i64)> = Vec::new();
    let rounds = 30;
    for round in 0..rounds {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copy-that-store-crash-writer"))
            .arg(&db)
            .arg("100000")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn writer");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        // Kill after a different number of commits each round: the kill lands somewhere inside
        // the next transaction (or between two), a different point every time.
        let wait_for = 1 + (round * 7) % 11;
        for _ in 0..wait_for {
            let line = lines.next().expect("writer ended early").expect("read");
            let mut parts = line.split_whitespace().skip(1);
            let id: i64 = parts.next().and_then(|s| s.parse().ok()).expect("job id");
            let n: i64 = parts.next().and_then(|s| s.parse().ok()).expect("count");
            committed.push((id, n));
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");

        let url = format!("sqlite://{}", db.display());
        let mut conn = sqlx::SqliteConnection::connect(&url)
            .await
            .expect("reopen after kill");
        let check: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .expect("integrity_check");
        assert_eq!(check, "ok", "round {round}");
        for &(id, n) in &committed {
            let row = sqlx::query(
                "SELECT j.status, j.measurement_count, (SELECT count(*) FROM measurements m WHERE m.job_id = j.id) AS stored
                 FROM jobs j WHERE j.id = ?",
            )
            .bind(id)
            .fetch_optional(&mut conn)
            .await
            .expect("query")
            .unwrap_or_else(|| panic!("job {id} was reported committed but is gone (round {round})"));
            assert_eq!(row.get::<String, _>("status"), "done");
            assert_eq!(row.get::<i64, _>("stored"), n, "job {id} complete");
        }
        let partial: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM jobs j WHERE j.measurement_count != (SELECT count(*) FROM measurements m WHERE m.job_id = j.id)",
        )
        .fetch_one(&mut conn)
        .await
        .expect("partial");
        assert_eq!(partial, 0, "no partial job visible (round {round})");
        let stray: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM measurements WHERE job_id NOT IN (SELECT id FROM jobs)",
        )
        .fetch_one(&mut conn)
        .await
        .expect("stray");
        assert_eq!(stray, 0);
        conn.close().await.expect("close");
    }
    assert!(committed.len() >= rounds as usize);
}
