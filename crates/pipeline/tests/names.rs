//! A designer's week: a project exported, screenshots added, exported again. Existing tokens keep
//! their names, so the second export differs from the first only in the lines of new tokens and
//! of tokens whose measured content changed (value, role, context).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use copy_that_export::{generate, ExportOptions, Naming};
use copy_that_pipeline::{run_batch, Settings};
use copy_that_spacing::{SpacingLibrary, SpacingToken};
use copy_that_store::Store;
use tokio_util::sync::CancellationToken;

const FORMATS: [&str; 3] = ["css", "ts", "dtcg"];

fn screen(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/screens")
        .join(name)
}

/// Adds a screenshot to the project through the pipeline and returns the saved library.
async fn add(store: &Store, shot: &str) -> SpacingLibrary {
    let summary = run_batch(
        store,
        "Week",
        &[screen(shot)],
        &Settings::default(),
        None,
        &CancellationToken::new(),
        Arc::new(|_| {}),
    )
    .await
    .expect("batch");
    assert_eq!(summary.saved, 1, "{shot} measured and saved");
    store.load_library("Week").await.expect("load").library
}

fn export(lib: &SpacingLibrary, format: &str, naming: Naming) -> String {
    let options = ExportOptions {
        naming,
        ..ExportOptions::default()
    };
    String::from_utf8(generate(format, lib, &options).expect("export")).expect("utf-8")
}

/// The lines `before` has and `after` lacks, and the reverse (as multisets). A JSON line that only
/// gains or loses its trailing comma (a key added after it) is the same line.
fn diff(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let count = |text: &str| {
        let mut n: HashMap<String, i64> = HashMap::new();
        for line in text.lines() {
            *n.entry(line.trim_end_matches(',').to_string()).or_default() += 1;
        }
        n
    };
    let (b, a) = (count(before), count(after));
    let less = |x: &HashMap<String, i64>, y: &HashMap<String, i64>| {
        let mut out: Vec<String> = x
            .iter()
            .flat_map(|(l, &n)| {
                let extra = n - y.get(l).copied().unwrap_or(0);
                std::iter::repeat_n(l.clone(), extra.max(0) as usize)
            })
            .collect();
        out.sort();
        out
    };
    (less(&b, &a), less(&a, &b))
}

/// What a token's lines are made of: changed, the token was edited by what was measured.
fn content(t: &SpacingToken) -> (f64, String, String, String) {
    let role = t.spacing_type.as_str().to_string();
    (t.value_px, role, t.use_case.clone(), t.context.clone())
}

/// `after` with each token `before` had (by name) as it was then: what `after` would be had only
/// new tokens arrived (and the set's statistics, such as its base unit, moved).
fn only_new_tokens(before: &SpacingLibrary, after: &SpacingLibrary) -> SpacingLibrary {
    let mut mid = after.clone();
    for t in &mut mid.tokens {
        if let Some(old) = before.tokens.iter().find(|o| o.name == t.name) {
            *t = old.clone();
        }
    }
    mid
}

/// Checks one export step: no name is lost or moved, and every changed line is one of a new token
/// or of a token whose content changed, or a line about the whole set (the base unit in a
/// file's description) when that changed.
fn assert_only_new_or_edited(before: &SpacingLibrary, after: &SpacingLibrary) {
    for old in &before.tokens {
        let now = after.tokens.iter().find(|t| t.name == old.name);
        let now = now.unwrap_or_else(|| panic!("{} ({} px) lost its name", old.name, old.value_px));
        assert!(
            (now.value_px - old.value_px).abs() <= old.value_px * 0.1,
            "{} moved from {} to {} px",
            old.name,
            old.value_px,
            now.value_px
        );
    }
    let mid = only_new_tokens(before, after);
    let restated = SpacingLibrary {
        statistics: after.statistics.clone(),
        ..before.clone()
    };
    for format in FORMATS {
        let (first, second) = (
            export(before, format, Naming::Simple),
            export(after, format, Naming::Simple),
        );
        let between = export(&mid, format, Naming::Simple);
        let (set_removed, set_added) = diff(&first, &export(&restated, format, Naming::Simple));
        // New tokens only add lines (besides the set's own, when its statistics moved)…
        let (lost, new_added) = diff(&first, &between);
        let lost: Vec<&String> = lost.iter().filter(|l| !set_removed.contains(l)).collect();
        assert!(lost.is_empty(), "{format}: new tokens removed {lost:?}");
        // …and every line the second export lost or gained is one of a new or an edited token.
        let (removed, added) = diff(&first, &second);
        let (edited_removed, edited_added) = diff(&between, &second);
        for line in &removed {
            assert!(
                edited_removed.contains(line) || set_removed.contains(line),
                "{format}: {line:?} removed, not of an edited token"
            );
        }
        for line in &added {
            assert!(
                edited_added.contains(line) || new_added.contains(line) || set_added.contains(line),
                "{format}: {line:?} added, not of a new or edited token"
            );
        }
    }
}

#[tokio::test]
async fn exporting_twice_around_added_images_changes_only_lines_of_new_or_edited_tokens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_dir(dir.path()).await.expect("open");
    store.create_project("Week").await.expect("project");
    let monday = add(&store, "dashboard.png").await;
    let tuesday = add(&store, "settings.png").await;
    let wednesday = add(&store, "grid.png").await;
    for (before, after) in [(&monday, &tuesday), (&tuesday, &wednesday)] {
        assert_only_new_or_edited(before, after);
    }

    // The week is not trivial: tokens arrived, and some existing ones were measured differently.
    let names = |lib: &SpacingLibrary| -> Vec<String> {
        lib.tokens.iter().map(|t| t.name.clone()).collect()
    };
    assert_eq!(names(&monday), ["4", "6", "8"]);
    assert_eq!(names(&wednesday), ["2", "3", "4", "6", "8"]);
    let edited = monday.tokens.iter().filter(|old| {
        let now = wednesday.tokens.iter().find(|t| t.name == old.name);
        now.is_some_and(|t| content(t) != content(old))
    });
    assert!(
        edited.count() > 0,
        "some token's role changed over the week"
    );
    let css = export(&wednesday, "css", Naming::Simple);
    let (removed, _) = diff(&export(&monday, "css", Naming::Simple), &css);
    assert!(
        removed.iter().all(|l| !l.contains("var(")),
        "aliases keep their targets: {removed:?}"
    );

    // Ranks, the names earlier versions exported, would have renamed 8 px (`sm`, then `xs`) and
    // so lines of a token nobody edited: the check above would have failed.
    let ranked = |lib: &SpacingLibrary| export(lib, "css", Naming::TShirt);
    let (removed, _) = diff(&ranked(&tuesday), &ranked(&wednesday));
    assert!(
        removed
            .iter()
            .any(|l| l.starts_with("  --spacing-sm: 8px;")),
        "{removed:?}"
    );
}
