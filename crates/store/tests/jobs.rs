//! Jobs as stored: the engine that measured each one is kept under the names earlier versions
//! wrote, and reads back as its `JobSource`.

use copy_that_spacing::{JobSource, Measurement, SpacingType};
use copy_that_store::{NewJob, Store, DB_FILE};
use sqlx::Connection;

mod common;
use common::image;

fn job(source: JobSource) -> NewJob {
    NewJob {
        source,
        model: String::new(),
        measurements: vec![Measurement::new(8.0, 0.9, SpacingType::Gap).expect("valid")],
        elapsed_ms: 1.0,
        error: None,
    }
}

#[tokio::test]
async fn jobs_saved_under_the_provider_names_of_earlier_versions_load_as_their_sources() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    let p = store.create_project("Old").await.expect("project");
    let names = [
        "local",
        "hybrid",
        "claude",
        "openai",
        "openai-compatible",
        "ai",
    ];
    let mut images = Vec::new();
    for i in 0..names.len() {
        let (id, _) = store
            .add_image(p.id, &image(&format!("h{i}"), &format!("{i}.png")))
            .await
            .expect("image");
        images.push(i64::from(id));
    }
    store.close().await;
    // Rows as an earlier version wrote them: the provider a plain string, a measurement each.
    let url = format!("sqlite://{}", dir.path().join(DB_FILE).display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("raw connect");
    for (name, image) in names.iter().zip(images) {
        sqlx::query(
            "INSERT INTO jobs (project_id, image_id, provider, status, measurement_count, elapsed_ms, created_at)
             VALUES (?, ?, ?, 'done', 1, 1.0, 0)",
        )
        .bind(i64::from(p.id))
        .bind(image)
        .bind(name)
        .execute(&mut conn)
        .await
        .expect("old job");
        sqlx::query(
            "INSERT INTO measurements (job_id, value_px, confidence, spacing_type) VALUES (last_insert_rowid(), 8.0, 0.9, 'gap')",
        )
        .execute(&mut conn)
        .await
        .expect("old measurement");
    }
    conn.close().await.expect("close");

    let store = Store::open_dir(dir.path()).await.expect("reopen");
    let latest = store.latest_jobs(p.id).await.expect("latest");
    let ids: Vec<u32> = latest.iter().map(|&(_, job)| job).collect();
    let jobs = store.jobs(&ids).await.expect("jobs");
    let sources: Vec<JobSource> = jobs.iter().map(|j| j.source.clone()).collect();
    assert_eq!(
        sources,
        [
            JobSource::Local,
            JobSource::Hybrid,
            JobSource::Claude,
            JobSource::Openai,
            JobSource::OpenaiCompatible,
            JobSource::Other("ai".into()),
        ]
    );
    assert!(jobs.iter().all(|j| j.measurements.len() == 1));
    // And they are written back under the same names.
    let job = job(JobSource::OpenaiCompatible);
    let image = jobs[0].image_id;
    let id = store.record_job(p.id, image, &job).await.expect("new job");
    let again = store.jobs(&[id]).await.expect("read back");
    assert_eq!(again[0].source.as_str(), "openai-compatible");
}
