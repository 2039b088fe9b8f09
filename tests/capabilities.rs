//! The window may call exactly the commands the UI's bindings call, nothing else; the webview has
//! no file-system, shell or dialog permission, and the content security policy stays strict.

use std::collections::BTreeSet;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).expect(path)
}

#[test]
fn the_window_is_granted_exactly_the_commands_the_ui_calls() {
    let bindings = read("ui/src/bindings.ts");
    let called: BTreeSet<String> = bindings
        .split("__TAURI_INVOKE(\"")
        .chain(
            bindings
                .split("__TAURI_INVOKE<")
                .filter_map(|s| s.split_once(">(\"").map(|(_, r)| r)),
        )
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert!(called.len() >= 20, "{called:?}");
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/default.json")).expect("capability JSON");
    let permissions: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    let granted: BTreeSet<String> = permissions
        .iter()
        .filter(|p| p.starts_with("allow-"))
        .map(|p| p.to_string())
        .collect();
    assert_eq!(granted, called);
    for p in &permissions {
        assert!(
            p.starts_with("allow-") || p.starts_with("core:event:"),
            "the window should not be granted {p}"
        );
    }
}

#[test]
fn the_content_security_policy_allows_no_remote_or_inline_scripts() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).expect("conf");
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    for bad in ["unsafe-eval", "http:", "https:", "*"] {
        let scripts = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap_or_default();
        assert!(!scripts.contains(bad), "script-src allows {bad}: {csp}");
    }
    assert!(!read("Cargo.toml").contains("tauri-plugin-shell"));
}
