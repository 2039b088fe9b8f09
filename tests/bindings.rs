//! The committed TypeScript bindings must match what the Rust commands and events generate.
//! Regenerate with `UPDATE_BINDINGS=1 cargo test -p copy-that-app --test bindings`.

use std::path::PathBuf;

#[test]
fn committed_bindings_match_the_rust_commands() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    let dir = std::env::temp_dir().join(format!("copy-that-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let fresh = dir.join("bindings.ts");
    copy_that_app::export_bindings(&fresh).expect("export bindings");
    let generated = std::fs::read_to_string(&fresh).expect("read generated bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed, &generated).expect("write ui/src/bindings.ts");
        return;
    }
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        current == generated,
        "ui/src/bindings.ts is out of date with the Rust commands: run \
         `UPDATE_BINDINGS=1 cargo test -p copy-that-app --test bindings` and commit the result"
    );
}
