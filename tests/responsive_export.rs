//! A responsive value edited in the app reaches the exports: CSS media queries and the DTCG
//! resolver's breakpoint contexts, through the real project database.

use copy_that_export::{generate, ExportOptions};
use copy_that_spacing::{Measurement, SpacingType, TokenEdit};
use copy_that_store::{NewImage, NewJob, Store};

#[tokio::test]
async fn an_edited_mobile_value_is_exported_as_a_media_query_and_a_resolver_context() {
    let dir = std::env::temp_dir().join(format!("copy-that-responsive-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open_dir(&dir).await.expect("open");
    let p = store.create_project("R").await.expect("project");
    let image = NewImage {
        content_hash: "h".into(),
        file_name: "a.png".into(),
        width: 100,
        height: 100,
        dpr: 1.0,
        dpr_source: "default".into(),
        thumbnail: Vec::new(),
        source_path: None,
        copy: None,
    };
    let (id, _) = store.add_image(p.id, &image).await.expect("image");
    let measurements = [8.0, 16.0, 24.0]
        .iter()
        .flat_map(|v| std::iter::repeat_n(*v, 3))
        .map(|v| Measurement::new(v, 0.9, SpacingType::Padding).expect("valid"))
        .collect();
    let job = NewJob {
        source: "ai".into(),
        model: String::new(),
        measurements,
        elapsed_ms: 1.0,
        error: None,
    };
    store.record_job(p.id, id, &job).await.expect("job");
    copy_that_pipeline::rebuild(&store, &p)
        .await
        .expect("aggregate");
    let edit = TokenEdit::Responsive {
        value_px: 24.0,
        mobile: 13.0,
        tablet: 19.0,
        desktop: 24.0,
        widescreen: 31.0,
    };
    copy_that_pipeline::library::edit_token(&store, &p, &edit)
        .await
        .expect("edit");
    let library = store.load_library("R").await.expect("load").library;
    let name = library.tokens[2].name.clone();
    let options = ExportOptions {
        responsive: true,
        ..ExportOptions::default()
    };
    let css = String::from_utf8(generate("css", &library, &options).expect("css")).expect("utf8");
    assert!(css.contains(&format!("--spacing-{name}: 13px")), "{css}");
    assert!(css.contains(&format!("--spacing-{name}: 19px")), "{css}");
    assert!(css.contains(&format!("--spacing-{name}: 31px")), "{css}");
    let resolver: serde_json::Value =
        serde_json::from_slice(&generate("dtcg-resolver", &library, &options).expect("resolver"))
            .expect("json");
    let mobile = &resolver["modifiers"]["breakpoint"]["contexts"]["mobile"][0]["spacing"][&name];
    assert_eq!(mobile["$value"]["value"], 13.0);
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
