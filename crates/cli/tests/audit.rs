//! `copy-that audit` prints the report the app's audit view shows, from the same engine function.

mod common;

use common::copy_that_in as cli;

#[tokio::test]
async fn the_cli_audit_is_the_apps_audit_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let shot = common::screenshot(dir.path(), "cards.png");
    let saved = cli(
        &data,
        &[
            "extract",
            shot.to_str().expect("utf-8"),
            "--project",
            "Cards",
        ],
    );
    assert!(
        saved.status.success(),
        "{}",
        String::from_utf8_lossy(&saved.stderr)
    );

    let out = cli(&data, &["audit", "Cards", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let store = copy_that_store::Store::open_dir(&data).await.expect("open");
    let report = copy_that_pipeline::audit_project(&store, "Cards")
        .await
        .expect("audit");
    store.close().await;
    assert_eq!(printed, serde_json::to_value(&report).expect("value"));
    assert!(printed["base_unit"].as_f64().is_some_and(|b| b > 0.0));

    let text = cli(&data, &["audit", "Cards"]);
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("in the library ("), "{text}");
    assert!(text.contains("measured but left out:"), "{text}");

    let missing = cli(&data, &["audit", "Nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Nope"));
}
