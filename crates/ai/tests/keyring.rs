//! Keys against a real Secret Service: each test re-runs itself inside a private D-Bus session
//! with an unlocked gnome-keyring (or, for the failure case, with no D-Bus at all).
//!
//! `gnome-keyring-daemon --unlock` returns before the daemon owns `org.freedesktop.secrets` on the
//! bus. A Secret Service call in that window makes D-Bus start a second daemon from its service
//! file, which finds the first one's `login.keyring` half written ("keyring was in an invalid or
//! unrecognized format") and locked ("result not returned from SS API": it cannot prompt). So the
//! session test first waits, with a deadline, until the name is owned and the default collection
//! exists and is unlocked, asking nothing of the Secret Service before the name is owned.

use std::process::Command;
use std::time::{Duration, Instant};

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

/// One D-Bus method call on the session bus; its printed reply, or `None` if it failed.
fn dbus(dest: &str, path: &str, method: &str, args: &[&str]) -> Option<String> {
    let out = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            &format!("--dest={dest}"),
            path,
            method,
        ])
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether the Secret Service is ready for the test: the name owned by the daemon started for
/// this session, and the default collection present and unlocked.
fn secret_service_ready() -> bool {
    let owned = dbus(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner",
        &["string:org.freedesktop.secrets"],
    );
    if !owned.is_some_and(|r| r.contains("boolean true")) {
        return false; // asking the service now would start a second daemon
    }
    let alias = dbus(
        "org.freedesktop.secrets",
        "/org/freedesktop/secrets",
        "org.freedesktop.Secret.Service.ReadAlias",
        &["string:default"],
    );
    let Some(collection) = alias.as_deref().and_then(|r| {
        let path = r.split("object path \"").nth(1)?.split('"').next()?;
        (path != "/").then(|| path.to_string())
    }) else {
        return false;
    };
    dbus(
        "org.freedesktop.secrets",
        &collection,
        "org.freedesktop.DBus.Properties.Get",
        &["string:org.freedesktop.Secret.Collection", "string:Locked"],
    )
    .is_some_and(|r| r.contains("boolean false"))
}

/// Polls [`secret_service_ready`] until it holds; fails the test clearly at the deadline.
fn wait_for_unlocked_default_collection() {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !secret_service_ready() {
        assert!(
            Instant::now() < deadline,
            "gnome-keyring did not own org.freedesktop.secrets with an unlocked default \
             collection within 60 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn keys_round_trip_through_a_real_secret_service() {
    if std::env::var(MODE).as_deref() != Ok("session") {
        return rerun("keys_round_trip_through_a_real_secret_service", "session");
    }
    wait_for_unlocked_default_collection();
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

/// The default collection's object path, once the service is ready.
fn default_collection() -> String {
    let alias = dbus(
        "org.freedesktop.secrets",
        "/org/freedesktop/secrets",
        "org.freedesktop.Secret.Service.ReadAlias",
        &["string:default"],
    )
    .expect("ReadAlias");
    alias
        .split("object path \"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a default collection")
        .to_string()
}

#[test]
fn a_locked_keyring_is_a_clear_error_without_hanging() {
    if std::env::var(MODE).as_deref() != Ok("session") {
        return rerun(
            "a_locked_keyring_is_a_clear_error_without_hanging",
            "session",
        );
    }
    wait_for_unlocked_default_collection();
    store_key("claude", &ApiKey::new("sk-SENTINEL-locked-7")).expect("store");
    // Lock it, as the desktop does after a timeout or on the lock screen. Unlocking asks for a
    // password through a prompter; here there is no display, so the prompt fails.
    let collection = default_collection();
    dbus(
        "org.freedesktop.secrets",
        "/org/freedesktop/secrets",
        "org.freedesktop.Secret.Service.Lock",
        &[&format!("array:objpath:{collection}")],
    )
    .expect("Lock");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load_key("claude"));
    });
    let result = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("reading a locked keyring answered within 60 s");
    let e = result.expect_err("a locked keyring gives no key");
    assert!(matches!(e, AiError::Keyring(_)), "{e}");
    let text = e.to_string();
    assert!(
        text.contains("it is locked") && text.contains("unlock your login keyring"),
        "{text}"
    );
    assert!(!text.contains("SENTINEL"), "the key never shows: {text}");
    println!("locked keyring: {text}");
}
