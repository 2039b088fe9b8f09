//! Keys against a real Secret Service: each test re-runs itself inside a private D-Bus session
//! with an unlocked gnome-keyring (or, for the failure case, with no D-Bus at all).

use std::process::Command;

use copy_that_ai::{delete_key, load_key, store_key, AiError, ApiKey};

const MODE: &str = "COPY_THAT_KEYRING_TEST";

/// Runs the named test of this binary again in the environment `mode` describes.
fn rerun(test: &str, mode: &str) {
    let exe = std::env::current_exe().expect("test binary");
    let home = tempfile_dir();
    let script = match mode {
        // The unlock password must not be empty, or writes try to open a GUI prompt.
        "session" => "printf 'copy-that-test\\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec \"$0\" --exact \"$1\" --nocapture --test-threads=1",
        _ => "exec \"$0\" --exact \"$1\" --nocapture --test-threads=1",
    };
    let mut cmd = if mode == "session" {
        let mut c = Command::new("dbus-run-session");
        c.args(["--", "sh", "-c", script]);
        c
    } else {
        let mut c = Command::new("sh");
        c.args(["-c", script]);
        c.env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/copy-that-bus",
        );
        c
    };
    let status = cmd
        .arg(&exe)
        .arg(test)
        .env(MODE, mode)
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("GNOME_KEYRING_CONTROL")
        .status()
        .expect("re-run the test");
    let _ = std::fs::remove_dir_all(&home);
    assert!(status.success(), "{test} failed in mode {mode}");
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "copy-that-keyring-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    std::fs::create_dir_all(&dir).expect("temp home");
    dir
}

#[test]
fn keys_round_trip_through_a_real_secret_service() {
    if std::env::var(MODE).as_deref() != Ok("session") {
        return rerun("keys_round_trip_through_a_real_secret_service", "session");
    }
    let key = ApiKey::new("sk-SENTINEL-keyring-42");
    assert_eq!(
        load_key("claude").expect("readable"),
        None,
        "a fresh keyring has no key"
    );
    store_key("claude", &key).expect("store");
    assert_eq!(load_key("claude").expect("load"), Some(key.clone()));
    assert_eq!(
        load_key("openai").expect("load"),
        None,
        "keys are per provider"
    );
    delete_key("claude").expect("delete");
    assert_eq!(load_key("claude").expect("load"), None);
    delete_key("claude").expect("deleting twice is fine");
}

#[test]
fn no_secret_service_is_a_clear_error_not_a_fallback() {
    if std::env::var(MODE).as_deref() != Ok("absent") {
        return rerun(
            "no_secret_service_is_a_clear_error_not_a_fallback",
            "absent",
        );
    }
    let e = load_key("claude").expect_err("no keyring");
    assert!(matches!(e, AiError::Keyring(_)), "{e}");
    assert!(
        e.to_string()
            .starts_with("the system keyring is not available"),
        "{e}"
    );
    assert!(
        store_key("claude", &ApiKey::new("x")).is_err(),
        "nothing stored elsewhere"
    );
}
