//! Test helper for the store's crash test: records jobs into a database until it is killed,
//! printing `committed <job id> <measurement count>` after each commit.

use std::io::Write;

use copy_that_spacing::{BBox, Measurement, SpacingType};
use copy_that_store::{NewImage, NewJob, Store};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: crash-writer DB JOBS")?;
    let jobs: u32 = args.next().ok_or("usage: crash-writer DB JOBS")?.parse()?;
    let store = Store::open(std::path::Path::new(&path)).await?;
    let project = store.ensure_project("crash").await?;
    let mut out = std::io::stdout().lock();
    for n in 0..jobs {
        let (image, _) = store
            .add_image(
                project.id,
                &NewImage {
                    content_hash: format!("{}-{n}", std::process::id()),
                    file_name: format!("shot-{n}.png"),
                    width: 1280,
                    height: 800,
                    dpr: 1.0,
                    dpr_source: "default".into(),
                    thumbnail: vec![0; 512],
                    source_path: None,
                    copy: None,
                },
            )
            .await?;
        let count = 150 + (n % 100) as usize;
        let measurements = (0..count)
            .map(|i| Measurement {
                value_px: f64::from((i % 12) as u32 * 4 + 4),
                confidence: 0.9,
                spacing_type: SpacingType::Padding,
                context: Some("card padding".into()),
                bbox: Some(BBox {
                    x: i as u32,
                    y: n,
                    w: 8,
                    h: 8,
                }),
                design_intent: None,
            })
            .collect();
        let job = NewJob {
            source: "local".into(),
            model: String::new(),
            measurements,
            elapsed_ms: 1.0,
            error: None,
        };
        let id = store.record_job(project.id, image, &job).await?;
        writeln!(out, "committed {id} {count}")?;
        out.flush()?;
    }
    Ok(())
}
